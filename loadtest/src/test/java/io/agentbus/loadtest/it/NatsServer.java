package io.agentbus.loadtest.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nats-server as a child process, killed on close, with its client and WebSocket listeners on
 * ports of 127.0.0.1 it picks itself when it binds (-1 in its config); the WebSocket port is read
 * from its log.
 */
final class NatsServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nats-server");
    private static final Pattern WEBSOCKET = Pattern.compile("Listening for websocket clients on ws://127\\.0\\.0\\.1:(\\d+)");
    private static final String READY = "Server is ready";

    private final Process process;
    private final Path log;
    private int wsPort;

    private NatsServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static NatsServer start(Path dir) throws IOException {
        Path config = dir.resolve("nats.conf");
        Files.writeString(config, "listen: \"127.0.0.1:-1\"\n"
                + "websocket {\n  listen: \"127.0.0.1:-1\"\n  no_tls: true\n  compression: false\n}\n");
        Path log = dir.resolve("nats.log");
        Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NatsServer server = new NatsServer(process, log);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || server.ready());
            if (!process.isAlive()) {
                throw new IOException("nats-server exited: " + Files.readString(log));
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String url() {
        return "ws://127.0.0.1:" + wsPort;
    }

    /** Whether the log says the server is ready; then its WebSocket port is known. */
    private boolean ready() throws IOException {
        String text = Files.readString(log);
        Matcher port = WEBSOCKET.matcher(text);
        if (!text.contains(READY) || !port.find()) {
            return false;
        }
        wsPort = Integer.parseInt(port.group(1));
        return true;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
