package io.agentbus.server.auth;

/** A right a token grants in the rooms one of its {@code rooms} patterns matches. */
public enum Right {
    /** Join a room and read its history. */
    SUB("sub", "joining and reading"),
    /** Publish, propose, vote and upload artifacts. */
    PUB("pub", "publishing"),
    /** Administer a room; no op needs it in this version (rooms are never deleted, nobody is kicked). */
    ADMIN("admin", "administering");

    private final String wireName;
    private final String doing;

    Right(String wireName, String doing) {
        this.wireName = wireName;
        this.doing = doing;
    }

    /** As written in a token: {@code sub}, {@code pub}, {@code admin}. */
    public String wireName() {
        return wireName;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** What it allows, for error messages: "publishing in room 'x' needs the 'pub' right". */
    String doing() {
        return doing;
    }

    /** The right with this name, or {@code null}. */
    public static Right fromWire(String name) {
        for (Right r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
