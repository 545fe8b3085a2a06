package io.agentbus.orchestrator.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/agentbus COMMAND …} as a user runs it, in a JVM of its own. The launcher gets the
 * test's classpath through {@code AGENTBUS_CLASSPATH}, so no nested Maven build runs; no other
 * {@code AGENTBUS_*} variable of the test's environment leaks into it.
 */
public final class AgentbusCommand {
    private AgentbusCommand() {
    }

    /** Starts {@code bin/agentbus args…} with its standard output into {@code out}, its errors into {@code err} (may be the same file). */
    public static Process start(Path out, Path err, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(projectRoot().resolve("bin/agentbus").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile());
        if (out.equals(err)) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(err.toFile());
        }
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTBUS_"));
        builder.environment().put("AGENTBUS_CLASSPATH", testClasspath());
        builder.environment().put("AGENTBUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return builder.start();
    }

    /** Surefire runs in {@code orchestrator/}; the root is the first directory up that holds {@code bin/agentbus}. */
    public static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/agentbus"))) {
                return p;
            }
        }
        return fail("no bin/agentbus above " + Path.of("").toAbsolutePath());
    }

    /** Surefire's manifest-only jar hides the real classpath from java.class.path; it keeps it here. */
    private static String testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return classpath.replace(File.pathSeparatorChar, ':');
    }
}
