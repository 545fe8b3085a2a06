package io.agentbus.server.delivery;

import io.netty.buffer.ByteBuf;

/**
 * A direct message on its way to its recipient: once written, the recipient's inbox cursor moves,
 * so a later {@code hello} without {@code inbox_since} does not send it again.
 *
 * @param frame the encoded {@code msg} frame; one reference owned by the queue it sits in
 */
public record InboxFrame(ByteBuf frame, String client, long inboxOffset) {
}
