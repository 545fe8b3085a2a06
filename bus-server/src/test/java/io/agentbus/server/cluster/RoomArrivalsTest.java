package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoomArrivalsTest {
    @Test
    void shouldTakeTheNextMessageOrTheNextEventAfterTheLastMessage() {
        RoomArrivals a = new RoomArrivals();

        assertTrue(a.isNext(5, new LogId(6, 0)));
        assertTrue(a.isNext(5, new LogId(5, 1)));
        assertFalse(a.isNext(5, new LogId(5, 2)), "event 5-1 is missing");
        assertFalse(a.isNext(5, new LogId(6, 1)), "message 6 is missing");
        assertFalse(a.isNext(5, new LogId(7, 0)), "message 6 is missing");
        assertTrue(a.isApplied(5, new LogId(5, 0)));
        assertFalse(a.isApplied(5, new LogId(5, 1)));
    }

    @Test
    void shouldCountEventsAfterTheLastMessageUntilTheNextMessage() {
        RoomArrivals a = new RoomArrivals();
        a.eventApplied(new LogId(5, 1));

        assertTrue(a.isApplied(5, new LogId(5, 1)));
        assertTrue(a.isNext(5, new LogId(5, 2)));
        assertTrue(a.isNext(5, new LogId(6, 0)));
        assertFalse(a.isApplied(6, new LogId(6, 1)), "a new message starts the count again");
        assertTrue(a.isNext(6, new LogId(6, 1)));
    }

    @Test
    void shouldTakeNothingButARefusedEntryUntilItIsApplied() {
        RoomArrivals a = new RoomArrivals();
        a.eventApplied(new LogId(5, 1));
        a.refused(new LogId(5, 2));

        assertFalse(a.isNext(5, new LogId(6, 0)), "the message after the refused event waits for it");
        assertTrue(a.isNext(5, new LogId(5, 2)), "the refused event is tried again");
        a.eventApplied(new LogId(5, 2));
        a.refused(null);
        assertTrue(a.isNext(5, new LogId(6, 0)));
    }
}
