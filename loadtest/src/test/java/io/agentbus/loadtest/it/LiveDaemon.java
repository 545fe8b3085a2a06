package io.agentbus.loadtest.it;

import io.agentbus.server.AgentBusServer;
import io.agentbus.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/** The real agentbus daemon, in-process, on a free port of 127.0.0.1. */
final class LiveDaemon implements AutoCloseable {
    private final AgentBusServer server;
    private final int port;

    private LiveDaemon(AgentBusServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LiveDaemon start(Path dataDir) throws Exception {
        int port = freePort();
        return new LiveDaemon(AgentBusServer.start(ServerConfig.builder().port(port).dataDir(dataDir).build()), port);
    }

    String url() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
