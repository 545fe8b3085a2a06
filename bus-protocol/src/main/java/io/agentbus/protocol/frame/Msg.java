package io.agentbus.protocol.frame;

import io.agentbus.protocol.Priority;

/**
 * {@code msg}: a message delivered to a member (room message: {@code room} set, {@code to}
 * null) or to a recipient (direct message: {@code to} set, {@code room} null, {@code offset}
 * in the recipient's inbox sequence).
 *
 * @param id the publisher's idempotency key, or {@code null}
 */
public record Msg(String room, String to, long offset, String from, String channel, String type,
                  Priority priority, long ts, JsonValue body, String id) implements ServerFrame {
    @Override
    public String op() {
        return "msg";
    }
}
