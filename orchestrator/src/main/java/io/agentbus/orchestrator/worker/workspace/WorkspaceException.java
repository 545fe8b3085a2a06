package io.agentbus.orchestrator.worker.workspace;

/** A task's workspace could not be made or read; the message says what failed (git's own words included). */
public final class WorkspaceException extends Exception {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
