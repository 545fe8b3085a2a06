package io.agentbus.protocol.frame;

import io.agentbus.protocol.Priority;

/** {@code send}: a direct message into another client's durable inbox. */
public record Send(String rid, String to, String type, Priority priority, JsonValue body, String id)
        implements ClientFrame {
    @Override
    public String op() {
        return "send";
    }
}
