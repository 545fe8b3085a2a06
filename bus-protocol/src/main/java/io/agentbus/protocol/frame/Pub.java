package io.agentbus.protocol.frame;

import io.agentbus.protocol.Priority;

/**
 * {@code pub}: publish a message into a room.
 *
 * @param id optional client-chosen idempotency key, or {@code null}
 */
public record Pub(String rid, String room, String channel, String type, Priority priority, JsonValue body,
                  String id) implements ClientFrame {
    public static final String DEFAULT_CHANNEL = "main";
    public static final String DEFAULT_TYPE = "message";

    @Override
    public String op() {
        return "pub";
    }
}
