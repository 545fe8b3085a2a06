package io.agentbus.server.http;

/** Where the daemon is in its life, as {@code /health} reports it. */
public enum Lifecycle {
    STARTING("starting"),
    UP("up"),
    DRAINING("draining");

    private final String wireName;

    Lifecycle(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
