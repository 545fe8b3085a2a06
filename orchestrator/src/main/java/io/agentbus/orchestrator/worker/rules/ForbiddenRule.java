package io.agentbus.orchestrator.worker.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An operation agents must not do, recognised in the commands of their tool uses.
 *
 * @param name    what it is, e.g. {@code git push}, as reported in the {@code blocker}
 * @param pattern found anywhere in a command (a {@link java.util.regex.Matcher#find()})
 */
public record ForbiddenRule(String name, Pattern pattern) {
    public ForbiddenRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }

    public boolean matches(String command) {
        return command != null && pattern.matcher(command).find();
    }
}
