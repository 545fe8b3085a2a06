package io.agentbus.client.error;

/** The client was closed (by {@code close()} or a fatal error) before the request completed. */
public final class ClientClosedException extends AgentBusException {
    private static final long serialVersionUID = 1L;

    public ClientClosedException(String message) {
        super(message);
    }

    public ClientClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
