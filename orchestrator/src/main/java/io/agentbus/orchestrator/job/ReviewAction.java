package io.agentbus.orchestrator.job;

import java.util.Locale;

/** What a review round decides. */
public enum ReviewAction {
    /** Every reviewer approved. */
    CONTINUE,
    /** Exactly one concern: a warning in the room, the work goes on. */
    LOG_WARNING,
    /** Two or more concerns: the task is paused and its worker asked to clarify. */
    PAUSE_AND_CLARIFY,
    /** Any blocker: the task is stopped and a human is called. */
    STOP_AND_ESCALATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
