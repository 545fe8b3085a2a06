package io.agentbus.loadtest.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.loadtest.measure.SequenceTracker.Outcome;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void shouldCountInOrderMessagesAsUnique() {
        SequenceTracker tracker = new SequenceTracker(0, 1, 2);
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 0));
        assertEquals(Outcome.UNIQUE, tracker.accept(1, 0));
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 1));
        assertArrayEquals(new long[] {2, 1}, tracker.expectedNext());
    }

    @Test
    void shouldCallARepeatedOrOlderSequenceADuplicate() {
        SequenceTracker tracker = new SequenceTracker(0, 1, 1);
        tracker.accept(0, 0);
        tracker.accept(0, 1);
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 1));
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 0));
    }

    @Test
    void shouldCallAGapOutOfOrderAndExpectTheNumberAfterIt() {
        SequenceTracker tracker = new SequenceTracker(0, 1, 1);
        tracker.accept(0, 0);
        assertEquals(Outcome.OUT_OF_ORDER, tracker.accept(0, 5));
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 6));
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 3));
    }

    @Test
    void shouldHearOnlyThePublishersOfItsRoom() {
        SequenceTracker roomTwoOfFive = new SequenceTracker(2, 5, 3);
        assertEquals(Outcome.UNIQUE, roomTwoOfFive.accept(2, 0));
        assertEquals(Outcome.UNIQUE, roomTwoOfFive.accept(12, 0));
        assertEquals(Outcome.FOREIGN, roomTwoOfFive.accept(3, 0));
        assertEquals(Outcome.FOREIGN, roomTwoOfFive.accept(17, 0));
        assertEquals(Outcome.FOREIGN, roomTwoOfFive.accept(0, 0));
        assertEquals(Outcome.FOREIGN, roomTwoOfFive.accept(-3, 0));
    }
}
