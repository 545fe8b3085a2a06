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
    void shouldCountAGapAsUniqueAndTheLateArrivalOfASkippedNumberAsOutOfOrder() {
        SequenceTracker tracker = new SequenceTracker(0, 1, 1);
        tracker.accept(0, 0);
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 5));
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 6));
        assertEquals(Outcome.OUT_OF_ORDER, tracker.accept(0, 3));
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 3));
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 5));
        assertArrayEquals(new long[] {1}, tracker.missingFrom());
        assertArrayEquals(new long[] {7}, tracker.expectedNext());
    }

    @Test
    void shouldMoveTheFloorPastAFilledGap() {
        SequenceTracker tracker = new SequenceTracker(0, 1, 1);
        tracker.accept(0, 0);
        tracker.accept(0, 3);
        tracker.accept(0, 2);
        assertEquals(Outcome.OUT_OF_ORDER, tracker.accept(0, 1));
        assertArrayEquals(new long[] {4}, tracker.missingFrom());
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 4));
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 2));
    }

    @Test
    void shouldGiveUpNumbersMoreThanTheWindowBehindAndCallThemDuplicatesIfTheyCome() {
        SequenceTracker tracker = new SequenceTracker(0, 1, 1);
        tracker.accept(0, 0);
        long ahead = 2 + SequenceTracker.WINDOW;
        assertEquals(Outcome.UNIQUE, tracker.accept(0, ahead));
        assertArrayEquals(new long[] {ahead - SequenceTracker.WINDOW + 1}, tracker.missingFrom());
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 1));
        assertEquals(Outcome.OUT_OF_ORDER, tracker.accept(0, ahead - 1));
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, ahead));
    }

    @Test
    void shouldKeepCountingInOrderAfterAJumpFarBeyondTheWindow() {
        SequenceTracker tracker = new SequenceTracker(0, 1, 1);
        tracker.accept(0, 0);
        tracker.accept(0, 2);
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 10 * SequenceTracker.WINDOW));
        assertEquals(Outcome.UNIQUE, tracker.accept(0, 10 * SequenceTracker.WINDOW + 1));
        assertEquals(Outcome.DUPLICATE, tracker.accept(0, 2));
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
