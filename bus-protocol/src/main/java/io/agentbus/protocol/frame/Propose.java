package io.agentbus.protocol.frame;

/**
 * {@code propose}: open a decision in a room.
 *
 * @param quorum     yes votes needed under {@link DecisionRule#QUORUM}, or {@link #DEFAULT_QUORUM}
 * @param deadlineMs milliseconds from now until it expires, or {@link #NO_DEADLINE}
 */
public record Propose(String rid, String room, String title, DecisionRule rule, int quorum, long deadlineMs)
        implements ClientFrame {
    public static final int DEFAULT_QUORUM = 0;
    public static final long NO_DEADLINE = 0;

    @Override
    public String op() {
        return "propose";
    }
}
