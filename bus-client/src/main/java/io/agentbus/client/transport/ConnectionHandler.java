package io.agentbus.client.transport;

import io.agentbus.protocol.frame.ServerFrame;

/** What the transport reports about one connection, always on that connection's event loop. */
public interface ConnectionHandler {
    /** The WebSocket handshake completed; frames may be written. */
    void opened(WebSocketConnection connection);

    /** A frame arrived from the server. */
    void received(WebSocketConnection connection, ServerFrame frame);

    /**
     * The connection is gone (or never came up).
     *
     * @param reason close code and reason, or the error, for the log and the state event
     */
    void closed(WebSocketConnection connection, String reason);
}
