package io.agentbus.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.client.HistoryLost;
import io.agentbus.client.JoinOptions;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Ok;
import org.junit.jupiter.api.Test;

/** What a room subscription sends when it rejoins, and what it makes of the cluster's answer. */
class RoomSubscriptionTest {
    private final RoomSubscription sub = new RoomSubscription("r", JoinOptions.DEFAULT);

    @Test
    void shouldRejoinAfterTheContiguousOffsetWithTheEpochOfTheLastOk() {
        sub.joinFrame("1");
        sub.joined(joinOk(5, "e1", null));
        for (long offset = 6; offset <= 9; offset++) {
            sub.tracker.accept(offset);
        }

        Join rejoin = sub.joinFrame("2");

        assertEquals(9, rejoin.since());
        assertEquals("e1", rejoin.epoch());
        assertEquals("e1", sub.epoch);
    }

    @Test
    void shouldSendNoEpochToASingleDaemonThatNeverNamedOne() {
        sub.joinFrame("1");
        sub.joined(joinOk(5, null, null));

        assertNull(sub.joinFrame("2").epoch());
    }

    @Test
    void shouldSendTheEpochTheApplicationGaveOnTheFirstJoin() {
        RoomSubscription resumed = new RoomSubscription("r", JoinOptions.DEFAULT.since(40).epoch("e0"));

        Join first = resumed.joinFrame("1");

        assertEquals(40, first.since());
        assertEquals("e0", first.epoch());
    }

    @Test
    void shouldReportHistoryLostOnlyWhenRecoveredIsFalse() {
        sub.joinFrame("1");
        assertNull(sub.joined(joinOk(5, "e1", null)), "a first join without since: nothing to recover");
        sub.joinFrame("2");
        assertNull(sub.joined(joinOk(5, "e1", true)), "recovered:true is quiet");

        sub.joinFrame("3");
        HistoryLost lost = sub.joined(joinOk(7, "e2", false));

        assertEquals(new HistoryLost("r", 5, "e1", "e2"), lost);
        assertEquals("e2", sub.epoch);
        assertEquals("e2", sub.joinFrame("4").epoch());
    }

    @Test
    void shouldAskForTheGapALiveMessagePastTheRejoinsLastOffsetReveals() {
        sub.joinFrame("1");
        sub.joined(joinOk(5, null, null));
        sub.joinFrame("2");
        sub.joined(joinOk(9, null, null));
        sub.tracker.accept(6);
        sub.tracker.accept(8);

        assertEquals(-1, sub.gapBefore(9), "offset 9 is part of the replay");
        assertEquals(9, sub.gapBefore(10), "7 and 9 are missing once 10 arrived live");
        assertEquals(-1, sub.gapBefore(11), "asked once");
    }

    @Test
    void shouldSeeNoGapWhenTheReplayWasComplete() {
        sub.joinFrame("1");
        sub.joined(joinOk(5, null, null));
        sub.joinFrame("2");
        sub.joined(joinOk(7, null, null));
        sub.tracker.accept(6);
        sub.tracker.accept(7);
        sub.tracker.accept(8);

        assertEquals(-1, sub.gapBefore(8));
    }

    private static Ok joinOk(long lastOffset, String epoch, Boolean recovered) {
        return new Ok("x", "r", lastOffset, null, null, null, false, epoch, recovered);
    }
}
