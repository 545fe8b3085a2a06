package io.agentbus.client;

/**
 * A publish was sequenced and journaled.
 *
 * @param offset    the message's offset in the room
 * @param duplicate whether the server had already stored this message id (a resend after a
 *                  reconnect) and answered with the first copy's offset
 */
public record Published(String room, long offset, boolean duplicate) {
}
