package io.agentbus.protocol.frame;

/** Where a decision stands. */
public enum DecisionStatus {
    OPEN("open"),
    APPROVED("approved"),
    REJECTED("rejected"),
    VETOED("vetoed"),
    EXPIRED("expired");

    private final String wireName;

    DecisionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether no further vote can change it. */
    public boolean isFinal() {
        return this != OPEN;
    }

    /** The status with this wire name, or {@code null}. */
    public static DecisionStatus fromWire(String name) {
        for (DecisionStatus s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
