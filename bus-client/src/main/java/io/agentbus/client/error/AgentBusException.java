package io.agentbus.client.error;

/** Base of every exception the client library completes a future with or throws. */
public class AgentBusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentBusException(String message) {
        super(message);
    }

    public AgentBusException(String message, Throwable cause) {
        super(message, cause);
    }
}
