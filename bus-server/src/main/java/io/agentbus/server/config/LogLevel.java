package io.agentbus.server.config;

/** The least severe events the daemon logs. */
public enum LogLevel implements Choice {
    ERROR("error"),
    WARN("warn"),
    INFO("info"),
    DEBUG("debug"),
    TRACE("trace");

    private final String configName;

    LogLevel(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
