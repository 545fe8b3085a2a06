package io.agentbus.protocol.frame;

/** How a decision's votes are counted. */
public enum DecisionRule {
    MAJORITY("majority"),
    CONSENSUS("consensus"),
    QUORUM("quorum"),
    WEIGHTED("weighted");

    private final String wireName;

    DecisionRule(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The rule with this wire name, or {@code null}. */
    public static DecisionRule fromWire(String name) {
        for (DecisionRule r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
