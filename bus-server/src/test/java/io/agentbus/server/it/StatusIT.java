package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.Main;
import io.agentbus.server.status.StatusCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentbus status}: a short summary of a running daemon, and an exit status scripts can use. */
class StatusIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSummariseARunningDaemon() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient client = server.hello("status-client")) {
            client.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"status-room\",\"body\":1}").reply("p");
            MetricsIT.awaitMetrics(server, m -> m.value("agentbus_rooms") == 1);

            Run run = Run.of(Map.of(), "status", "--url", "ws://127.0.0.1:" + server.port() + "/ws");

            assertEquals(StatusCommand.EXIT_UP, run.exit, run.toString());
            List<String> lines = run.out.lines().toList();
            assertEquals(3, lines.size(), run.toString());
            assertTrue(lines.get(0).matches("agentbus/\\S+ at http://127\\.0\\.0\\.1:" + server.port()
                    + ": up for \\d+m \\d+s"), lines.get(0));
            assertTrue(lines.get(1).matches("connections 1, heap [\\d.]+ \\S+, direct memory [\\d.]+ \\S+"), lines.get(1));
            assertTrue(lines.get(2).startsWith("rooms 1, 1 messages in, 0 dropped; last minute p99: delivery "),
                    lines.get(2));
            assertEquals("", run.err);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldExitOneWhenNothingAnswers() throws Exception {
        int port = Daemon.freePort();

        Run run = Run.of(Map.of("AGENTBUS_URL", "http://127.0.0.1:" + port), "status", "--timeout", "2");

        assertEquals(StatusCommand.EXIT_NOT_UP, run.exit, run.toString());
        assertEquals("", run.out);
        assertEquals("agentbus: cannot reach http://127.0.0.1:" + port + "/health: connection refused\n", run.err);
    }

    @Test
    void shouldRefuseABadCommandLine() {
        assertBadLine("agentbus status: --url 'ftp://x' must start with http://, https://, ws:// or wss://",
                "status", "--url", "ftp://x");
        assertBadLine("agentbus status: --url 'http:///health' names no host", "status", "--url", "http:///health");
        assertBadLine("agentbus status: --url 'http://' is not a URL: Expected authority", "status", "--url", "http://");
        assertBadLine("agentbus status: --timeout must be at least 1 second, not 0", "status", "--timeout", "0");
        assertBadLine("agentbus status: Invalid value for option '--timeout': 'soon' is not an int; see "
                + "'agentbus status --help'", "status", "--timeout", "soon");
        assertBadLine("agentbus status: Unknown option: '--verbose'; see 'agentbus status --help'", "status",
                "--verbose");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldRunThroughTheLauncher() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            ProcessBuilder launcher = new ProcessBuilder(Daemon.projectRoot().resolve("bin/agentbus").toString(),
                    "status", "--url", "http://127.0.0.1:" + server.port())
                    .redirectErrorStream(true);
            launcher.environment().keySet().removeIf(name -> name.startsWith("AGENTBUS_"));
            launcher.environment().put("AGENTBUS_CLASSPATH", Daemon.testClasspath());
            launcher.environment().put("AGENTBUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process process = launcher.start();
            try {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
                assertEquals(StatusCommand.EXIT_UP, process.exitValue(), output);
                assertTrue(output.startsWith("agentbus/"), output);
                assertTrue(output.contains(": up for "), output);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static void assertBadLine(String error, String... args) {
        Run run = Run.of(Map.of(), args);
        assertEquals(Main.EXIT_USAGE, run.exit, run.toString());
        assertEquals(error + "\n", run.err);
    }

    /** One run of the daemon's command line, in-process. */
    private record Run(int exit, String out, String err) {
        static Run of(Map<String, String> env, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(exit, out.toString(), err.toString());
        }
    }
}
