package io.agentbus.protocol.frame;

/** {@code leave}: stop being a member of a room. */
public record Leave(String rid, String room) implements ClientFrame {
    @Override
    public String op() {
        return "leave";
    }
}
