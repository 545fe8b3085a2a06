package io.agentbus.server.decision;

import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.VoteChoice;
import java.util.LinkedHashMap;
import java.util.Map;

/** A decision of a room: its rule, its votes (one per client, the latest counts) and status. */
public final class Decision {
    private final String room;
    private final String id;
    private final String title;
    private final DecisionRule rule;
    private final int quorum;
    private final long deadlineAtMs;
    private final String proposer;
    private final Map<String, CastVote> votes = new LinkedHashMap<>();
    private DecisionStatus status = DecisionStatus.OPEN;

    public Decision(String room, String id, String title, DecisionRule rule, int quorum, long deadlineAtMs,
                    String proposer) {
        this.proposer = proposer;
        this.room = room;
        this.id = id;
        this.title = title;
        this.rule = rule;
        this.quorum = quorum;
        this.deadlineAtMs = deadlineAtMs;
    }

    public String room() {
        return room;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The client that proposed it. */
    public String proposer() {
        return proposer;
    }

    public DecisionRule rule() {
        return rule;
    }

    /** Yes votes needed under the quorum rule; 0 means the default, max(3, members / 2). */
    public int quorum() {
        return quorum;
    }

    /** When it expires, epoch ms; 0 without a deadline. */
    public long deadlineAtMs() {
        return deadlineAtMs;
    }

    public DecisionStatus status() {
        return status;
    }

    public void status(DecisionStatus status) {
        this.status = status;
    }

    public Map<String, CastVote> votes() {
        return votes;
    }

    public void vote(String client, VoteChoice choice, int weight) {
        votes.put(client, new CastVote(choice, weight));
    }

    /** The {@code decision} frame announcing where it stands now. */
    public DecisionUpdate toFrame() {
        int yes = 0;
        int no = 0;
        int veto = 0;
        for (CastVote v : votes.values()) {
            switch (v.choice()) {
                case YES -> yes++;
                case NO -> no++;
                default -> veto++;
            }
        }
        return new DecisionUpdate(room, id, title, rule, status, yes, no, veto);
    }

    /** A client's vote and the weight it carried. */
    public record CastVote(VoteChoice choice, int weight) {
    }
}
