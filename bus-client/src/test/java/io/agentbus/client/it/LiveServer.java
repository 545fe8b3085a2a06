package io.agentbus.client.it;

import io.agentbus.server.AgentBusServer;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real daemon, in-process, on a free port of 127.0.0.1 that it keeps across
 * {@link #restart()} (closed gracefully: journal closed, clients told 1001), so clients can
 * reconnect to the same URI.
 */
public final class LiveServer implements AutoCloseable {
    private final Path dataDir;
    private final Map<Setting, Object> settings;
    private final int port;
    private AgentBusServer server;

    private LiveServer(Path dataDir, Map<Setting, Object> settings) throws Exception {
        this.dataDir = dataDir;
        this.settings = settings;
        this.port = freePort();
        start();
    }

    public static LiveServer start(Path dataDir) throws Exception {
        return new LiveServer(dataDir, Map.of());
    }

    public static LiveServer start(Path dataDir, Map<Setting, Object> settings) throws Exception {
        return new LiveServer(dataDir, settings);
    }

    private void start() throws Exception {
        ServerConfig.Builder b = ServerConfig.builder().port(port).dataDir(dataDir);
        settings.forEach(b::set);
        server = AgentBusServer.start(b.build());
    }

    /** Stops gracefully and starts again on the same port with the same journal. */
    public void restart() throws Exception {
        stop();
        start();
    }

    /** Stops gracefully (clients are told 1001); {@link #startAgain()} brings it back on the same port. */
    public void stop() {
        server.close();
        server = null;
    }

    /** Starts again after {@link #stop()}, on the same port with the same journal. */
    public void startAgain() throws Exception {
        start();
    }

    public int port() {
        return port;
    }

    /** {@code ws://127.0.0.1:PORT/ws}. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
