package io.agentbus.orchestrator.job;

import java.util.Locale;

/** How a job ended. */
public enum JobStatus {
    /** Every task completed. */
    COMPLETED,
    /** Every task ended, not all completed (failed, escalated or stopped). */
    FAILED,
    /** A {@code stop} control without {@code task_id} ended it. */
    STOPPED,
    /** The budget was spent: every worker was told to stop. */
    BUDGET_STOPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
