package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code redis-server} (package {@code redis-server}) as a child process on a free port
 * of 127.0.0.1, its files in a test's directory. Started with {@link #start}, nothing is saved to
 * disk: a {@link #restart()} is a Redis that lost its data; with {@link #startKeepingData} every
 * write is in its append-only file before it is answered, and a restart keeps it all. Without the binary the test is skipped, except under {@code CI=true},
 * where it fails.
 */
public final class RedisServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final String READY = "Ready to accept connections";

    private final Path dir;
    private final int port;
    private final boolean keepData;
    private Process process;
    private int starts;

    private RedisServer(Path dir, int port, boolean keepData) {
        this.dir = dir;
        this.port = port;
        this.keepData = keepData;
    }

    public static RedisServer start(Path dir) throws IOException {
        return start(dir, false);
    }

    /** A Redis that writes each change to its append-only file (fsync always) before answering it. */
    static RedisServer startKeepingData(Path dir) throws IOException {
        return start(dir, true);
    }

    private static RedisServer start(Path dir, boolean keepData) throws IOException {
        requireBinary();
        RedisServer redis = new RedisServer(dir, freePort(), keepData);
        redis.startProcess();
        return redis;
    }

    private static void requireBinary() {
        if (!Files.isExecutable(BINARY)) {
            String missing = BINARY + " is missing (apt-get install redis-server)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + missing);
            }
            Assumptions.abort(missing + "; skipped outside CI");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void startProcess() throws IOException {
        Path log = dir.resolve("redis-" + (++starts) + ".log");
        process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", keepData ? "yes" : "no",
                "--appendfsync", "always", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !process.isAlive() || Files.readString(log).contains(READY));
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(log));
            }
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops Redis (SIGTERM) and waits until it has exited. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts Redis again on the same port: empty, unless it keeps its data. */
    public void restart() throws IOException {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }
}
