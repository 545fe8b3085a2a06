package io.agentbus.protocol;

/** Delivery priority of a message; a higher priority overtakes queued lower ones. */
public enum Priority {
    CRITICAL("critical"),
    HIGH("high"),
    NORMAL("normal"),
    LOW("low");

    private static final Priority[] VALUES = values();

    private final String wireName;

    Priority(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code "normal"}. */
    public String wireName() {
        return wireName;
    }

    /** The priority with this wire name, or {@code null} when there is none. */
    public static Priority fromWire(String name) {
        for (Priority p : VALUES) {
            if (p.wireName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
