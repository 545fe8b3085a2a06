package io.agentbus.client.error;

/**
 * The connection closed after the request was sent and before its reply arrived, and the
 * request is not one the client resends by itself ({@code history}, {@code propose},
 * {@code vote}, {@code artifact}): its outcome is unknown.
 */
public final class ConnectionLostException extends AgentBusException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }
}
