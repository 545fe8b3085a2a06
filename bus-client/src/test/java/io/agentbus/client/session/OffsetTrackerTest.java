package io.agentbus.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    @Test
    void shouldAcceptEachOffsetOnceAndAdvanceOverContiguousOnes() {
        OffsetTracker t = new OffsetTracker();
        t.anchor(0);
        assertTrue(t.accept(1));
        assertTrue(t.accept(2));
        assertFalse(t.accept(2));
        assertFalse(t.accept(1));
        assertEquals(2, t.contiguous());
        assertEquals(0, t.pendingAbove());
    }

    @Test
    void shouldHoldTheContiguousOffsetBelowAGapUntilItIsFilled() {
        OffsetTracker t = new OffsetTracker();
        t.anchor(5);
        assertTrue(t.accept(7));
        assertTrue(t.accept(8));
        assertEquals(5, t.contiguous());
        assertEquals(2, t.pendingAbove());
        assertFalse(t.accept(7));
        assertTrue(t.accept(6));
        assertEquals(8, t.contiguous());
        assertEquals(0, t.pendingAbove());
    }

    @Test
    void shouldRefuseOffsetsAtOrBelowTheAnchor() {
        OffsetTracker t = new OffsetTracker();
        t.anchor(10);
        assertFalse(t.accept(10));
        assertFalse(t.accept(3));
        assertTrue(t.accept(11));
        assertTrue(t.has(4));
        assertTrue(t.has(11));
        assertFalse(t.has(12));
    }

    @Test
    void shouldAcceptAnythingUnseenBeforeItIsAnchored() {
        OffsetTracker t = new OffsetTracker();
        assertEquals(-1, t.contiguous());
        assertTrue(t.accept(5));
        assertTrue(t.accept(4));
        assertFalse(t.accept(5));
        assertEquals(3, t.contiguous());
        t.anchor(t.contiguous());
        assertEquals(5, t.contiguous());
        assertTrue(t.accept(6));
        assertEquals(6, t.contiguous());
    }

    @Test
    void shouldKeepTheFirstAnchor() {
        OffsetTracker t = new OffsetTracker();
        t.anchor(3);
        t.anchor(100);
        assertEquals(3, t.contiguous());
        assertTrue(t.accept(4));
    }

    @Test
    void shouldDropOffsetsSeenBelowALaterAnchor() {
        OffsetTracker t = new OffsetTracker();
        assertTrue(t.accept(2));
        assertTrue(t.accept(9));
        t.anchor(5);
        assertEquals(5, t.contiguous());
        assertEquals(1, t.pendingAbove());
    }

    @Test
    void shouldMovePastAHoleRetentionMadeAndKeepWhatArrivedAboveIt() {
        OffsetTracker t = new OffsetTracker();
        t.anchor(0);
        assertTrue(t.accept(4212));
        assertTrue(t.accept(4213));
        assertEquals(0, t.contiguous(), "1..4211 never arrive");
        t.skipTo(4211);
        assertEquals(4213, t.contiguous());
        assertEquals(0, t.pendingAbove());
        assertFalse(t.accept(4212));
        assertTrue(t.accept(4214));
        assertEquals(4214, t.contiguous());
    }

    @Test
    void shouldIgnoreASkipBehindTheContiguousRange() {
        OffsetTracker t = new OffsetTracker();
        t.anchor(10);
        t.skipTo(5);
        assertEquals(10, t.contiguous());
    }
}
