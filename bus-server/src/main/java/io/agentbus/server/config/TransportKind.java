package io.agentbus.server.config;

/** The socket transport: Linux epoll where its native library loads, NIO elsewhere. */
public enum TransportKind implements Choice {
    AUTO("auto"),
    EPOLL("epoll"),
    NIO("nio");

    private final String configName;

    TransportKind(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
