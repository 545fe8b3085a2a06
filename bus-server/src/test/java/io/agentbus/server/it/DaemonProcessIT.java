package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Presence;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a user runs it: {@code bin/agentbus start} in its own process, a full session
 * against it, SIGTERM, and a second start on the same data. The launcher gets this test's
 * classpath through {@code AGENTBUS_CLASSPATH}, so no nested Maven build runs.
 */
class DaemonProcessIT {
    private static final long START_DEADLINE_MS = 60_000;
    private static final long EXIT_DEADLINE_MS = 30_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldServeASessionStopOnSigtermAndKeepItsDataForTheNextStart() throws Exception {
        Path dataDir = dir.resolve("data");
        Process daemon = null;
        Process restarted = null;
        try {
            int port = freePort();
            daemon = startDaemon(port, dataDir, dir.resolve("first.log"));
            awaitHealthy(daemon, port, dir.resolve("first.log"));
            try (WsClient alice = WsClient.hello(port, "alice");
                 WsClient bob = WsClient.hello(port, "bob");
                 WsClient carol = WsClient.hello(port, "carol")) {
                runSession(port, alice, bob, carol);

                daemon.destroy();
                assertEquals(1001, alice.awaitClose(), "alice's close code on SIGTERM");
                assertEquals(1001, bob.awaitClose(), "bob's close code on SIGTERM");
                assertTrue(daemon.waitFor(EXIT_DEADLINE_MS, TimeUnit.MILLISECONDS),
                        "the daemon did not exit after SIGTERM:\n" + log(dir.resolve("first.log")));
                assertEquals(0, daemon.exitValue(), "exit status after SIGTERM:\n" + log(dir.resolve("first.log")));
            }

            int secondPort = freePort();
            restarted = startDaemon(secondPort, dataDir, dir.resolve("second.log"));
            awaitHealthy(restarted, secondPort, dir.resolve("second.log"));
            try (WsClient dave = WsClient.hello(secondPort, "dave")) {
                dave.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"build-42\"}");
                List<Msg> history = ServerFrames.parse(dave.reply("h"), HistoryReply.class).messages();
                assertEquals(2, history.size(), "history after the restart: " + history);
                assertEquals("{\"text\":\"hi\"}", history.get(0).body().json());
                assertEquals(2, history.get(1).offset());
                assertEquals("{\"text\":\"over rest\"}", history.get(1).body().json());
            }
            restarted.destroy();
            assertTrue(restarted.waitFor(EXIT_DEADLINE_MS, TimeUnit.MILLISECONDS), "the second daemon did not exit");
            assertEquals(0, restarted.exitValue(), "exit status of the second daemon");
        } finally {
            destroy(daemon);
            destroy(restarted);
        }
    }

    private static void runSession(int port, WsClient alice, WsClient bob, WsClient carol) throws Exception {
        alice.send("{\"op\":\"join\",\"rid\":\"j1\",\"room\":\"build-42\",\"role\":\"coder\"}");
        assertTrue(alice.reply("j1").contains("\"offset\":0"));
        bob.send("{\"op\":\"join\",\"rid\":\"j2\",\"room\":\"build-42\",\"role\":\"reviewer\"}");
        bob.reply("j2");
        Presence joined = ServerFrames.parse(alice.await(f -> f.contains("\"op\":\"presence\"")), Presence.class);
        assertEquals("bob", joined.client());
        assertEquals("reviewer", joined.role());
        carol.send("{\"op\":\"join\",\"rid\":\"j3\",\"room\":\"build-42\"}");
        carol.reply("j3");

        alice.send("{\"op\":\"pub\",\"rid\":\"p1\",\"room\":\"build-42\",\"type\":\"chat\",\"body\":{\"text\":\"hi\"}}");
        assertTrue(alice.reply("p1").contains("\"offset\":1"));
        for (WsClient receiver : new WsClient[] {bob, carol}) {
            Msg msg = ServerFrames.parse(receiver.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
            assertEquals("alice", msg.from());
            assertEquals(1, msg.offset());
            assertEquals("{\"text\":\"hi\"}", msg.body().json());
        }

        bob.send("{\"op\":\"history\",\"rid\":\"h1\",\"room\":\"build-42\"}");
        HistoryReply history = ServerFrames.parse(bob.reply("h1"), HistoryReply.class);
        assertEquals(1, history.messages().size());

        carol.send("{\"op\":\"leave\",\"rid\":\"l1\",\"room\":\"build-42\"}");
        assertTrue(carol.reply("l1").contains("\"op\":\"ok\""));
        Presence left = ServerFrames.parse(alice.await(f -> f.contains("\"event\":\"left\"")), Presence.class);
        assertEquals("carol", left.client());

        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/rooms/build-42/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"chat\",\"body\":{\"text\":\"over rest\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("\"offset\":2"), posted.body());
        Msg overRest = ServerFrames.parse(bob.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
        assertEquals(2, overRest.offset());
    }

    private static Process startDaemon(int port, Path dataDir, Path logFile) throws IOException {
        Path root = projectRoot();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/agentbus").toString(), "start",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTBUS_"));
        builder.environment().put("AGENTBUS_CLASSPATH", testClasspath());
        builder.environment().put("AGENTBUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return builder.start();
    }

    /** Surefire runs in {@code bus-server/}; the root is the first directory up that holds {@code bin/agentbus}. */
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
        assertTrue(classpath.contains("netty"), "the test classpath misses the daemon's jars: " + classpath);
        return classpath.replace(File.pathSeparatorChar, ':');
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code /health} until it answers 200, failing if the process dies or the deadline passes. */
    private static void awaitHealthy(Process daemon, int port, Path logFile) throws Exception {
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                fail("the daemon exited with " + daemon.exitValue() + " while starting:\n" + log(logFile));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port is not bound yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        fail("/health did not answer 200 within " + START_DEADLINE_MS + " ms:\n" + log(logFile));
    }

    private static String log(Path logFile) throws IOException {
        return Files.exists(logFile) ? Files.readString(logFile) : "(no log)";
    }

    private static void destroy(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(EXIT_DEADLINE_MS, TimeUnit.MILLISECONDS);
        }
    }
}
