package io.agentbus.server.delivery;

/** Told on the event loop when an inbox message has been written to its recipient's socket. */
@FunctionalInterface
public interface InboxWriteListener {
    void written(String client, long inboxOffset);
}
