package io.agentbus.client.error;

/**
 * Back-pressure: as many publishes and direct messages as the client's bound allows are already
 * waiting for their acknowledgement (buffered while disconnected, or in flight). Nothing was
 * queued; wait for earlier futures to complete and try again.
 */
public final class PublishBufferFullException extends AgentBusException {
    private static final long serialVersionUID = 1L;

    public PublishBufferFullException(String message) {
        super(message);
    }
}
