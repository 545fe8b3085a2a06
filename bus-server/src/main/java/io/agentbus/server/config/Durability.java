package io.agentbus.server.config;

/** When a message ({@code pub}, {@code send}) is acknowledged and delivered. */
public enum Durability implements Choice {
    /** Acknowledged once appended to the memory-mapped journal: survives a process crash. */
    ACK_AFTER_APPEND("ack-after-append"),
    /**
     * Acknowledged and delivered once its journal entry is forced to disk: survives a power loss
     * too. Entries are synced in groups (one sync per batch of requests the sequencer takes).
     */
    ACK_AFTER_SYNC("ack-after-sync");

    private final String configName;

    Durability(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
