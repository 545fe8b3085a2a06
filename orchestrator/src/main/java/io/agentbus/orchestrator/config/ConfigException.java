package io.agentbus.orchestrator.config;

/** The configuration file cannot be read, is not JSON, or holds a value out of its range. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static void check(boolean ok, String field, String rule) {
        if (!ok) {
            throw new ConfigException("config: '" + field + "' " + rule);
        }
    }

    static void positive(double value, String field) {
        check(value > 0, field, "must be > 0, not " + value);
    }

    static void notNegative(double value, String field) {
        check(value >= 0, field, "must be >= 0, not " + value);
    }
}
