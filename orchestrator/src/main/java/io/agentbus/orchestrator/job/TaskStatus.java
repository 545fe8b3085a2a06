package io.agentbus.orchestrator.job;

import java.util.Locale;

/** Where a task of a job stands. */
public enum TaskStatus {
    ASSIGNED, RUNNING, PAUSED, DELEGATED, COMPLETED, FAILED, ESCALATED, STOPPED;

    /** Whether the task is over: completed, failed, escalated or stopped. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == ESCALATED || this == STOPPED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
