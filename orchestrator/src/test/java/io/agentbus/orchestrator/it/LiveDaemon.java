package io.agentbus.orchestrator.it;

import io.agentbus.server.AgentBusServer;
import io.agentbus.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;

/** The real agentbus daemon, in-process, on a port of 127.0.0.1 the system picks when it binds. */
public final class LiveDaemon implements AutoCloseable {
    private final AgentBusServer server;

    private LiveDaemon(AgentBusServer server) {
        this.server = server;
    }

    public static LiveDaemon start(Path dataDir) throws Exception {
        return new LiveDaemon(AgentBusServer.start(ServerConfig.builder().port(0).dataDir(dataDir).build()));
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    @Override
    public void close() {
        server.close();
    }
}
