package io.agentbus.server.config;

/** How often the journal starts a new file. */
public enum JournalRollCycle implements Choice {
    HOURLY("hourly"),
    DAILY("daily");

    private final String configName;

    JournalRollCycle(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
