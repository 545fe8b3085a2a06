package io.agentbus.client;

/** Where a client's connection stands; each change is reported as a {@link ConnectionEvent}. */
public enum ConnectionState {
    /** Opening the WebSocket and saying hello. */
    CONNECTING,
    /** Welcomed; rooms rejoined; requests flow. */
    CONNECTED,
    /** The connection closed; a reconnect is scheduled after a back-off. */
    DISCONNECTED,
    /** Closed for good, by {@code close()} or a fatal refusal; nothing more happens. */
    CLOSED
}
