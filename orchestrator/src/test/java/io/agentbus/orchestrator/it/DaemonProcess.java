package io.agentbus.orchestrator.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The daemon as a user runs it: {@code bin/agentbus start} as a child process (the launcher
 * {@code exec}s the JVM) on a free port of 127.0.0.1, serving once {@code /health} answers 200. A
 * start that lost its port to another process is retried on another port.
 */
public final class DaemonProcess implements AutoCloseable {
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Path log;

    private DaemonProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the daemon with its journal in {@code dir}/data and its output in {@code dir}/daemon.log. */
    public static DaemonProcess start(Path dir) throws Exception {
        Path log = dir.resolve("daemon.log");
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process process = AgentbusCommand.start(log, log, List.of("start", "--port", Integer.toString(port),
                    "--data-dir", dir.resolve("data").toString()));
            DaemonProcess daemon = new DaemonProcess(process, port, log);
            if (daemon.awaitHealthy()) {
                return daemon;
            }
            String why = daemon.log();
            if (attempt == 3 || !(why.contains("BindException") || why.contains("Address already in use"))) {
                return fail("the daemon exited with " + process.exitValue() + " while starting:\n" + why);
            }
        }
    }

    private boolean awaitHealthy() {
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        Awaitility.await().atMost(START_DEADLINE).alias("the daemon serving /health")
                .until(() -> !process.isAlive() || answers(health));
        return process.isAlive();
    }

    private static boolean answers(URI health) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    public long pid() {
        return process.pid();
    }

    /** Sends SIGTERM and returns the exit status. */
    public int stop() throws Exception {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the daemon did not exit after SIGTERM:\n" + log());
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    /** Kills the daemon if it still runs (for tests that fail half-way). */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
