package io.agentbus.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.client.it.LiveServer;
import io.agentbus.client.it.ProcessLines;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client as a user runs it: {@code bin/agentbus tail} and {@code bin/agentbus send} as
 * child processes against the real daemon. The launcher gets this test's classpath through
 * {@code AGENTBUS_CLASSPATH}, so no nested Maven build runs.
 */
class LauncherIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String ROOM = "launcher-room";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void destroyProcesses() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldShowWhatSendPublishesInARunningTailAndExitZeroOnSigterm() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("data"))) {
            String url = server.uri().toString();
            Process tail = launch(Map.of(), "tail", "--room", ROOM, "--json", "--url", url);
            ProcessLines tailOut = ProcessLines.read(tail.getInputStream(), "tail-stdout");
            ProcessLines tailErr = ProcessLines.read(tail.getErrorStream(), "tail-stderr");
            tailErr.await(line -> line.contains("joined " + ROOM), DEADLINE);

            Process send = launch(Map.of("AGENTBUS_URL", url), "send", "--room", ROOM, "hello-from-send");
            ProcessLines sendOut = ProcessLines.read(send.getInputStream(), "send-stdout");
            ProcessLines sendErr = ProcessLines.read(send.getErrorStream(), "send-stderr");
            assertEquals("1", sendOut.await(line -> true, DEADLINE));
            assertExits(send, 0, sendErr);

            String line = tailOut.await(l -> l.contains("hello-from-send"), DEADLINE);
            assertTrue(Pattern.matches("\\{\"room\":\"" + ROOM + "\",\"offset\":1,\"from\":\"cli-[^\"]+\","
                    + "\"channel\":\"main\",\"type\":\"message\",\"priority\":\"normal\",\"ts\":\\d+,\"id\":\"[^\"]+\","
                    + "\"body\":\\{\"text\":\"hello-from-send\"}}", line), line);

            tail.destroy();
            assertExits(tail, 0, tailErr);
        }
    }

    private Process launch(Map<String, String> env, String... args) throws IOException {
        Path root = projectRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/agentbus").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTBUS_"));
        builder.environment().put("AGENTBUS_CLASSPATH", testClasspath());
        builder.environment().put("AGENTBUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void assertExits(Process process, int expected, ProcessLines stderr) throws InterruptedException {
        assertTrue(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS),
                "the process did not exit; stderr: " + stderr.all());
        assertEquals(expected, process.exitValue(), "exit status; stderr: " + stderr.all());
    }

    /** Surefire runs in {@code bus-client/}; the root is the first directory up that holds {@code bin/agentbus}. */
    private static Path projectRoot() {
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
        assertTrue(classpath.contains("picocli"), "the test classpath misses the client's jars: " + classpath);
        return classpath.replace(File.pathSeparatorChar, ':');
    }
}
