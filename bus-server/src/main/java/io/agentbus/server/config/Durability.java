package io.agentbus.server.config;

/** When a publish is acknowledged. Only {@link #ACK_AFTER_APPEND} exists so far. */
public enum Durability implements Choice {
    /** Acknowledged once appended to the memory-mapped journal: survives a process crash. */
    ACK_AFTER_APPEND("ack-after-append");

    private final String configName;

    Durability(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
