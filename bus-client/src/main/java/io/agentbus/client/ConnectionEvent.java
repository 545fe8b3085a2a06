package io.agentbus.client;

import java.net.URI;

/**
 * A change of connection state.
 *
 * @param state   the new state
 * @param reason  why, for {@code DISCONNECTED} and {@code CLOSED} (close code and reason, or the
 *                error), else an empty string
 * @param attempt the number of failed connection attempts since the last successful one
 * @param server  the node this is about: the one being connected to ({@code CONNECTING}),
 *                connected to ({@code CONNECTED}), or just lost or failed ({@code DISCONNECTED},
 *                {@code CLOSED}); with several nodes the next attempt goes to the next one
 */
public record ConnectionEvent(ConnectionState state, String reason, int attempt, URI server) {
}
