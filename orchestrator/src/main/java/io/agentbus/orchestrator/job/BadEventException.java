package io.agentbus.orchestrator.job;

/** A message meant for the orchestrator (its {@code type} is one it knows) that it cannot use. */
final class BadEventException extends Exception {
    private static final long serialVersionUID = 1L;

    BadEventException(String reason) {
        super(reason);
    }
}
