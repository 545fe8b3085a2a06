package io.agentbus.orchestrator.worker.agent;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A known permission error and its fix: when {@code pattern} is found in a line the agent prints
 * (stdout or stderr), the agent is stopped and started once more with {@code addArgs} added
 * (placeholders expanded like the command's).
 */
public record Recovery(String name, Pattern pattern, List<String> addArgs) {
    public Recovery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        addArgs = List.copyOf(addArgs);
    }

    public boolean matches(String line) {
        return pattern.matcher(line).find();
    }
}
