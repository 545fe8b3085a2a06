package io.agentbus.server.config;

/** The TLS engine: OpenSSL (netty-tcnative's BoringSSL) where it loads, the JDK's own otherwise. */
public enum TlsProvider implements Choice {
    AUTO("auto"),
    OPENSSL("openssl"),
    JDK("jdk");

    private final String configName;

    TlsProvider(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
