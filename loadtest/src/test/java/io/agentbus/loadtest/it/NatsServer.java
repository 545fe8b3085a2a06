package io.agentbus.loadtest.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** nats-server as a child process with a WebSocket listener on free loopback ports, killed on close. */
final class NatsServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nats-server");

    private final Process process;
    private final int wsPort;

    private NatsServer(Process process, int wsPort) {
        this.process = process;
        this.wsPort = wsPort;
    }

    static NatsServer start(Path dir) throws IOException {
        int clientPort = LiveDaemon.freePort();
        int wsPort = LiveDaemon.freePort();
        Path config = dir.resolve("nats.conf");
        Files.writeString(config, "listen: \"127.0.0.1:" + clientPort + "\"\n"
                + "websocket {\n  listen: \"127.0.0.1:" + wsPort + "\"\n  no_tls: true\n  compression: false\n}\n");
        Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile()).start();
        NatsServer server = new NatsServer(process, wsPort);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || server.accepts());
            if (!process.isAlive()) {
                throw new IOException("nats-server exited: " + Files.readString(dir.resolve("nats.log")));
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

    private boolean accepts() {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), wsPort)) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
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
