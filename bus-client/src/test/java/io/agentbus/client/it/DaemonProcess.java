package io.agentbus.client.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The daemon as users run it, {@code bin/agentbus start}, in a child process on a fixed free
 * port, which {@link #kill()} ends with SIGKILL and {@link #start()} brings back on the same port
 * and data. The launcher gets this test's classpath through {@code AGENTBUS_CLASSPATH}, so no
 * nested Maven build runs.
 */
final class DaemonProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long START_DEADLINE_MS = 60_000;

    private final Path dir;
    private final int port;
    private final Map<String, String> settings;
    private Process process;
    private int starts;

    DaemonProcess(Path dir) throws IOException {
        this(dir, Map.of());
    }

    /** A daemon with extra settings as {@code AGENTBUS_*} environment variables, e.g. {@code AGENTBUS_CLUSTER_REDIS}. */
    DaemonProcess(Path dir, Map<String, String> settings) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = LiveServer.freePort();
        this.settings = Map.copyOf(settings);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /** Starts the daemon and waits until {@code /health} answers 200. */
    void start() throws Exception {
        Path log = dir.resolve("daemon-" + (++starts) + ".log");
        ProcessBuilder builder = new ProcessBuilder(projectRoot().resolve("bin/agentbus").toString(), "start",
                "--port", Integer.toString(port), "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTBUS_"));
        builder.environment().putAll(settings);
        builder.environment().put("AGENTBUS_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("AGENTBUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        process = builder.start();
        awaitHealthy(log);
    }

    /** SIGKILL: no shutdown hook, no journal close, sockets reset. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the daemon did not die on SIGKILL");
        }
    }

    private void awaitHealthy(Path log) throws Exception {
        long deadline = System.currentTimeMillis() + START_DEADLINE_MS;
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the daemon exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("the daemon was not healthy within " + START_DEADLINE_MS + " ms:\n"
                + Files.readString(log));
    }

    /** Surefire runs in {@code bus-client/}; the root is the first directory up that holds {@code bin/agentbus}. */
    static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/agentbus"))) {
                return p;
            }
        }
        throw new IllegalStateException("bin/agentbus not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
