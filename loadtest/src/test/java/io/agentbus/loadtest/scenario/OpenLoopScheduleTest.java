package io.agentbus.loadtest.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {
    private static final long MS = 1_000_000;

    @Test
    void shouldSpaceIntendedTimesByTheRate() {
        OpenLoopSchedule s = new OpenLoopSchedule(1_000 * MS, 2_000 * MS, 1000, 0);
        assertEquals(1_000 * MS, s.intendedNanos(0));
        assertEquals(1_001 * MS, s.intendedNanos(1));
        assertEquals(1_999 * MS, s.intendedNanos(999));
        assertTrue(s.isDone(1000));
        assertFalse(s.isDone(999));
    }

    @Test
    void shouldStaggerByThePhase() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 1_000 * MS, 100, 0.5);
        assertEquals(5 * MS, s.intendedNanos(0));
        assertEquals(15 * MS, s.intendedNanos(1));
    }

    @Test
    void shouldGiveTheSameIntendedTimesHoweverLateTheTimerFires() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 100 * MS, 1000, 0.25);
        List<Long> punctual = sentByTicks(s, new long[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100});
        List<Long> late = sentByTicks(s, new long[] {3, 47, 48, 99, 100, 250});
        assertEquals(100, punctual.size());
        assertEquals(punctual, late);
    }

    @Test
    void shouldSendNothingBeforeTheStartOrFromTheEndOn() {
        OpenLoopSchedule s = new OpenLoopSchedule(50 * MS, 60 * MS, 1000, 0);
        assertFalse(s.isDue(0, 49 * MS));
        assertTrue(s.isDue(0, 50 * MS));
        assertTrue(s.isDue(9, 1_000 * MS));
        assertFalse(s.isDue(10, 1_000 * MS));
    }

    /** The intended times a publisher sends when its timer fires at {@code ticksMs}. */
    private static List<Long> sentByTicks(OpenLoopSchedule s, long[] ticksMs) {
        List<Long> sent = new ArrayList<>();
        long next = 0;
        for (long tick : ticksMs) {
            while (s.isDue(next, tick * MS)) {
                sent.add(s.intendedNanos(next++));
            }
        }
        return sent;
    }
}
