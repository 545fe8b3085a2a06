package io.agentbus.orchestrator.worker.run;

import java.util.Locale;

/** Why the worker ended an attempt before the agent ended it itself. */
enum StopReason {
    /** Nobody did: the agent exited by itself. */
    NONE,
    /** The task's wall-clock time ran out. */
    TIMEOUT,
    /** A {@code stop} control message. */
    STOPPED,
    /** A forbidden operation in a tool use. */
    FORBIDDEN_OPERATION,
    /** The worker spent more than its cost cap. */
    COST_CAP,
    /** A known permission error: the agent is started again with the fitting flag. */
    RECOVERY,
    /** The worker itself is shutting down. */
    WORKER_SHUTDOWN;

    /** The {@code reason} of the {@code failed} event. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
