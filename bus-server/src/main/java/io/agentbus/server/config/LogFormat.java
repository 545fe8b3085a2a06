package io.agentbus.server.config;

/** How the daemon writes its log lines to standard output. */
public enum LogFormat implements Choice {
    /** {@code TIMESTAMP LEVEL [thread] logger - message}, one line per event. */
    TEXT("text"),
    /** One JSON object per line: {@code ts}, {@code level}, {@code thread}, {@code logger}, {@code msg}, {@code error}. */
    JSON("json");

    private final String configName;

    LogFormat(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
