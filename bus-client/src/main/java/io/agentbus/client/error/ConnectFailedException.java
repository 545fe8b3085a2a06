package io.agentbus.client.error;

/** The first connection could not be made (or was refused) within the connect timeout. */
public final class ConnectFailedException extends AgentBusException {
    private static final long serialVersionUID = 1L;

    public ConnectFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
