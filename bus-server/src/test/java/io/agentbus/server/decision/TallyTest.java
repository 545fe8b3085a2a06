package io.agentbus.server.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.VoteChoice;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {
    private static final Map<String, Integer> THREE = members("a", 1, "b", 1, "c", 1);

    @Test
    void shouldStayOpenWhileUndecided() {
        Decision d = decision(DecisionRule.MAJORITY, 0);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, THREE));
        d.vote("a", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, THREE));
        d.vote("b", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, THREE));
    }

    @Test
    void shouldApproveMajorityWithYesFromMoreThanHalf() {
        Decision d = decision(DecisionRule.MAJORITY, 0);
        d.vote("a", VoteChoice.YES, 1);
        d.vote("b", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, THREE));
    }

    @Test
    void shouldNotApproveMajorityWithExactlyHalf() {
        Map<String, Integer> four = members("a", 1, "b", 1, "c", 1, "d", 1);
        Decision d = decision(DecisionRule.MAJORITY, 0);
        d.vote("a", VoteChoice.YES, 1);
        d.vote("b", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, four));
        d.vote("c", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, four));
        d.vote("d", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.REJECTED, Tally.count(d, four));
    }

    @Test
    void shouldRejectMajorityAsSoonAsItCanNoLongerPass() {
        Decision d = decision(DecisionRule.MAJORITY, 0);
        d.vote("a", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, THREE));
        d.vote("b", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.REJECTED, Tally.count(d, THREE));
    }

    @Test
    void shouldApproveConsensusOnlyWithYesFromAll() {
        Decision d = decision(DecisionRule.CONSENSUS, 0);
        d.vote("a", VoteChoice.YES, 1);
        d.vote("b", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, THREE));
        d.vote("c", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, THREE));
    }

    @Test
    void shouldRejectConsensusOnTheFirstNo() {
        Decision d = decision(DecisionRule.CONSENSUS, 0);
        d.vote("a", VoteChoice.YES, 1);
        d.vote("b", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.REJECTED, Tally.count(d, THREE));
    }

    @Test
    void shouldApproveQuorumWithTheExplicitNumberOfYes() {
        Map<String, Integer> five = members("a", 1, "b", 1, "c", 1, "d", 1, "e", 1);
        Decision d = decision(DecisionRule.QUORUM, 2);
        d.vote("a", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, five));
        d.vote("b", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, five));
    }

    @Test
    void shouldRejectQuorumWhenTooFewCanStillSayYes() {
        Map<String, Integer> four = members("a", 1, "b", 1, "c", 1, "d", 1);
        Decision d = decision(DecisionRule.QUORUM, 3);
        d.vote("a", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, four));
        d.vote("b", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.REJECTED, Tally.count(d, four));
    }

    @Test
    void shouldDefaultQuorumToThreeForSmallRooms() {
        Map<String, Integer> four = members("a", 1, "b", 1, "c", 1, "d", 1);
        Decision d = decision(DecisionRule.QUORUM, 0);
        d.vote("a", VoteChoice.YES, 1);
        d.vote("b", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, four), "max(3, 4/2) = 3 yes needed");
        d.vote("c", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, four));
    }

    @Test
    void shouldDefaultQuorumToHalfTheMembersForLargeRooms() {
        Map<String, Integer> ten = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            ten.put("m" + i, 1);
        }
        Decision d = decision(DecisionRule.QUORUM, 0);
        for (int i = 0; i < 4; i++) {
            d.vote("m" + i, VoteChoice.YES, 1);
        }
        assertEquals(DecisionStatus.OPEN, Tally.count(d, ten), "max(3, 10/2) = 5 yes needed");
        d.vote("m4", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, ten));
    }

    @Test
    void shouldRejectDefaultQuorumWhenThreeYesAreOutOfReach() {
        Decision d = decision(DecisionRule.QUORUM, 0);
        d.vote("a", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.REJECTED, Tally.count(d, THREE));
    }

    @Test
    void shouldApproveWeightedWhenYesWeightIsAboveHalf() {
        Map<String, Integer> weights = members("a", 1, "b", 1, "heavy", 3);
        Decision d = decision(DecisionRule.WEIGHTED, 0);
        d.vote("heavy", VoteChoice.YES, 3);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, weights), "3 of 5 is above half");
    }

    @Test
    void shouldNotApproveWeightedAtExactlyHalfTheWeight() {
        Map<String, Integer> weights = members("a", 1, "b", 1, "heavy", 2);
        Decision d = decision(DecisionRule.WEIGHTED, 0);
        d.vote("heavy", VoteChoice.YES, 2);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, weights), "2 of 4 is not above half");
        d.vote("a", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, weights));
    }

    @Test
    void shouldRejectWeightedWhenTheOutstandingWeightCannotCarryIt() {
        Map<String, Integer> weights = members("a", 1, "b", 1, "heavy", 3);
        Decision d = decision(DecisionRule.WEIGHTED, 0);
        d.vote("a", VoteChoice.YES, 1);
        d.vote("b", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.OPEN, Tally.count(d, weights), "two light yes do not outweigh 3");
        d.vote("heavy", VoteChoice.NO, 3);
        assertEquals(DecisionStatus.REJECTED, Tally.count(d, weights));
        Decision other = decision(DecisionRule.WEIGHTED, 0);
        other.vote("heavy", VoteChoice.NO, 3);
        assertEquals(DecisionStatus.REJECTED, Tally.count(other, weights), "at most 2 of 5 can still say yes");
    }

    @Test
    void shouldCountTheWeightTheVoteWasCastWith() {
        Decision d = decision(DecisionRule.WEIGHTED, 0);
        d.vote("a", VoteChoice.YES, 3);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, members("a", 1, "b", 1, "c", 1)));
    }

    @Test
    void shouldEndAsVetoedOnAVetoWhateverTheRule() {
        for (DecisionRule rule : DecisionRule.values()) {
            Decision d = decision(rule, 0);
            d.vote("a", VoteChoice.YES, 1);
            d.vote("b", VoteChoice.YES, 1);
            d.vote("c", VoteChoice.VETO, 1);
            assertEquals(DecisionStatus.VETOED, Tally.count(d, THREE), rule.wireName());
        }
    }

    @Test
    void shouldVetoEvenWhenTheOtherVotesAlreadyApprove() {
        Decision d = decision(DecisionRule.MAJORITY, 0);
        d.vote("a", VoteChoice.VETO, 1);
        d.vote("b", VoteChoice.YES, 1);
        d.vote("c", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.VETOED, Tally.count(d, THREE));
    }

    @Test
    void shouldCountOnlyTheLatestVoteOfAClient() {
        Decision d = decision(DecisionRule.MAJORITY, 0);
        d.vote("a", VoteChoice.NO, 1);
        d.vote("a", VoteChoice.YES, 1);
        d.vote("b", VoteChoice.YES, 1);
        assertEquals(DecisionStatus.APPROVED, Tally.count(d, THREE));
    }

    @Test
    void shouldKeepAVoterWhoLeftInTheElectorate() {
        Decision d = decision(DecisionRule.CONSENSUS, 0);
        d.vote("gone", VoteChoice.NO, 1);
        assertEquals(DecisionStatus.REJECTED, Tally.count(d, members("a", 1, "b", 1)));
    }

    private static Decision decision(DecisionRule rule, int quorum) {
        return new Decision("room", "d-1", "title", rule, quorum, 0, "proposer");
    }

    private static Map<String, Integer> members(Object... clientsAndWeights) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < clientsAndWeights.length; i += 2) {
            m.put((String) clientsAndWeights[i], (Integer) clientsAndWeights[i + 1]);
        }
        return m;
    }
}
