package io.agentbus.protocol.frame;

/** {@code pong}: the answer to {@code ping}. */
public record Pong(String rid) implements ServerFrame {
    @Override
    public String op() {
        return "pong";
    }
}
