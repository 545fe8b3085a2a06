package io.agentbus.protocol.frame;

/** {@code ping}: answered with {@code pong}. */
public record Ping(String rid) implements ClientFrame {
    @Override
    public String op() {
        return "ping";
    }
}
