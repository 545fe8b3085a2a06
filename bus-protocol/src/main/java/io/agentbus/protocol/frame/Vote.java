package io.agentbus.protocol.frame;

/** {@code vote} on an open decision; {@code comment} may be {@code null}. */
public record Vote(String rid, String room, String decision, VoteChoice choice, String comment)
        implements ClientFrame {
    @Override
    public String op() {
        return "vote";
    }
}
