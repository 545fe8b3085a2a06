package io.agentbus.client;

/**
 * A direct message was stored in the recipient's inbox.
 *
 * @param inboxOffset the message's offset in the recipient's inbox
 * @param duplicate   whether the server had already stored this message id and answered with
 *                    the first copy's offset
 */
public record Sent(String to, long inboxOffset, boolean duplicate) {
}
