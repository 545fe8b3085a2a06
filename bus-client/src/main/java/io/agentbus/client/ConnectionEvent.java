package io.agentbus.client;

/**
 * A change of connection state.
 *
 * @param state   the new state
 * @param reason  why, for {@code DISCONNECTED} and {@code CLOSED} (close code and reason, or the
 *                error), else an empty string
 * @param attempt the number of failed connection attempts since the last successful one
 */
public record ConnectionEvent(ConnectionState state, String reason, int attempt) {
}
