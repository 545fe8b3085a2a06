package io.agentbus.protocol.frame;

/** A member's vote on a decision. */
public enum VoteChoice {
    YES("yes"),
    NO("no"),
    VETO("veto");

    private final String wireName;

    VoteChoice(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The choice with this wire name, or {@code null}. */
    public static VoteChoice fromWire(String name) {
        for (VoteChoice c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
