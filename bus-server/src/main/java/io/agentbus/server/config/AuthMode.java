package io.agentbus.server.config;

/** Whether clients must present a signed token (the {@code auth} setting). */
public enum AuthMode implements Choice {
    /**
     * {@link #TOKEN} when a secret or public key is configured; otherwise {@link #NONE}, which the
     * daemon accepts only when it listens on a loopback address (nobody else can reach it).
     */
    AUTO("auto"),
    /** Every {@code hello} and REST request needs a valid token; its claims are the client's rights. */
    TOKEN("token"),
    /** Development mode: no token needed, any client id, every client has every right. */
    NONE("none");

    private final String configName;

    AuthMode(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
