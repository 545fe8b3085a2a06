package io.agentbus.server;

/** The version this build reports, from the jar's manifest when there is one. */
final class Version {
    static final String VERSION = version();
    /** As {@code welcome} and {@code /health} name the server. */
    static final String SERVER_NAME = "agentbus/" + VERSION;

    private Version() {
    }

    private static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
