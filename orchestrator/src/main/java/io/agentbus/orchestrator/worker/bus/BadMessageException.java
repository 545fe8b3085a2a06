package io.agentbus.orchestrator.worker.bus;

/** A room message meant for the worker whose body it cannot use; the message says which field is wrong. */
public final class BadMessageException extends Exception {
    private final String taskId;

    public BadMessageException(String message, String taskId) {
        super(message);
        this.taskId = taskId;
    }

    /** The {@code task_id} the body had, if it had a readable one; else {@code null}. */
    public String taskId() {
        return taskId;
    }
}
