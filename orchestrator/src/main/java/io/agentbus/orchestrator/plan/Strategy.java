package io.agentbus.orchestrator.plan;

/** How many agents work on a job and how they meet. */
public enum Strategy {
    /** One agent does everything. */
    SINGLE("single"),
    /** One lead agent with sub-agents it directs. */
    AGENTS("agents"),
    /** 2–3 peer agents in a room. */
    BRIDGE_SMALL("bridge-small"),
    /** 4–5 peer agents in a room. */
    BRIDGE_MEDIUM("bridge-medium"),
    /** 6–8 peer agents in a room. */
    BRIDGE_LARGE("bridge-large");

    private final String wireName;

    Strategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
