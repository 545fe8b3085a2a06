package io.agentbus.server.decision;

import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.VoteChoice;
import io.agentbus.server.decision.Decision.CastVote;
import java.util.Map;

/**
 * Counts a decision's votes over its electorate: the room's members when the vote is counted
 * (each client once, with its vote weight), plus any client that voted and has since left.
 * A veto ends it as vetoed; it is approved when its rule is met and rejected as soon as the
 * votes still outstanding could no longer meet it.
 */
public final class Tally {
    private int electorate;
    private long electorateWeight;
    private int yes;
    private int voted;
    private long yesWeight;
    private long votedWeight;
    private boolean vetoed;

    private Tally() {
    }

    /**
     * @param memberWeights vote weight of each member client of the room now
     */
    public static DecisionStatus count(Decision decision, Map<String, Integer> memberWeights) {
        Tally t = new Tally();
        t.countElectorate(decision, memberWeights);
        t.countVotes(decision);
        return t.status(decision);
    }

    private void countElectorate(Decision decision, Map<String, Integer> memberWeights) {
        for (Map.Entry<String, Integer> member : memberWeights.entrySet()) {
            CastVote vote = decision.votes().get(member.getKey());
            addVoter(vote == null ? member.getValue() : vote.weight());
        }
        for (Map.Entry<String, CastVote> vote : decision.votes().entrySet()) {
            if (!memberWeights.containsKey(vote.getKey())) {
                addVoter(vote.getValue().weight());
            }
        }
    }

    private void addVoter(int weight) {
        electorate++;
        electorateWeight += weight;
    }

    private void countVotes(Decision decision) {
        for (CastVote v : decision.votes().values()) {
            voted++;
            votedWeight += v.weight();
            if (v.choice() == VoteChoice.YES) {
                yes++;
                yesWeight += v.weight();
            } else if (v.choice() == VoteChoice.VETO) {
                vetoed = true;
            }
        }
    }

    private DecisionStatus status(Decision decision) {
        if (vetoed) {
            return DecisionStatus.VETOED;
        }
        int outstanding = electorate - voted;
        return switch (decision.rule()) {
            case MAJORITY -> decide(2L * yes > electorate, 2L * (yes + outstanding) <= electorate);
            case CONSENSUS -> decide(yes == electorate, yes + outstanding < electorate);
            case QUORUM -> {
                int needed = decision.quorum() > 0 ? decision.quorum() : Math.max(3, electorate / 2);
                yield decide(yes >= needed, yes + outstanding < needed);
            }
            case WEIGHTED -> decide(2 * yesWeight > electorateWeight,
                    2 * (yesWeight + electorateWeight - votedWeight) <= electorateWeight);
        };
    }

    private static DecisionStatus decide(boolean approved, boolean cannotPass) {
        if (approved) {
            return DecisionStatus.APPROVED;
        }
        return cannotPass ? DecisionStatus.REJECTED : DecisionStatus.OPEN;
    }
}
