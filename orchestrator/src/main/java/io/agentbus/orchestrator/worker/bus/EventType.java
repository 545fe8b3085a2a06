package io.agentbus.orchestrator.worker.bus;

import io.agentbus.protocol.Priority;
import java.util.Locale;

/** The worker events, each with the priority it is published at (README, "Worker events"). */
public enum EventType {
    READY(Priority.NORMAL),
    STARTED(Priority.NORMAL),
    PROGRESS(Priority.NORMAL),
    MILESTONE(Priority.NORMAL),
    BLOCKER(Priority.HIGH),
    REVIEW_REQUEST(Priority.NORMAL),
    COST(Priority.NORMAL),
    HEARTBEAT(Priority.LOW),
    COMPLETED(Priority.HIGH),
    FAILED(Priority.HIGH),
    LOG(Priority.LOW),
    RECOVERY(Priority.NORMAL);

    private final Priority priority;

    EventType(Priority priority) {
        this.priority = priority;
    }

    public Priority priority() {
        return priority;
    }

    /** The {@code type} in the body (and of the message): {@code ready}, {@code review_request}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
