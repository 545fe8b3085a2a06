package io.agentbus.client.error;

/**
 * No reply arrived within the request timeout. For a publish or a direct message the outcome
 * is unknown: it may have been sequenced; the client no longer resends it.
 */
public final class RequestTimeoutException extends AgentBusException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(message);
    }
}
