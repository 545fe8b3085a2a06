package io.agentbus.server.config;

/** A setting that cannot be used; the message names the setting, its source and the value. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
