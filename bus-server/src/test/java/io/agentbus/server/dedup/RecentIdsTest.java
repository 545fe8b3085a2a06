package io.agentbus.server.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecentIdsTest {
    private static final long WINDOW_MS = 100;
    private static final MessageKey KEY = MessageKey.inRoom("alice", "build-42", "m-1");

    private final RecentIds ids = new RecentIds(WINDOW_MS, 1_000);

    @Test
    void shouldAnswerTheOriginalOffsetWithinTheWindow() {
        ids.remember(KEY, 7, 1_000);

        assertEquals(7, ids.offsetOf(KEY, 1_000));
        assertEquals(7, ids.offsetOf(MessageKey.inRoom("alice", "build-42", "m-1"), 1_050));
    }

    @Test
    void shouldForgetAnIdAtTheWindowEdge() {
        ids.remember(KEY, 7, 1_000);

        assertEquals(7, ids.offsetOf(KEY, 1_000 + WINDOW_MS - 1));
        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(KEY, 1_000 + WINDOW_MS));
        assertEquals(0, ids.size(), "evicted, not only hidden");
    }

    @Test
    void shouldAnswerNotSeenForAnIdNeverRemembered() {
        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(KEY, 1_000));
    }

    @Test
    void shouldTellSendersTargetsAndIdsApart() {
        ids.remember(KEY, 7, 1_000);

        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(MessageKey.inRoom("bob", "build-42", "m-1"), 1_001));
        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(MessageKey.inRoom("alice", "build-43", "m-1"), 1_001));
        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(MessageKey.inRoom("alice", "build-42", "m-2"), 1_001));
        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(MessageKey.direct("alice", "build-42", "m-1"), 1_001),
                "a client named like the room is another target");
    }

    @Test
    void shouldEvictTheOldestIdOverTheCap() {
        RecentIds capped = new RecentIds(WINDOW_MS, 2);
        MessageKey second = MessageKey.inRoom("alice", "build-42", "m-2");
        MessageKey third = MessageKey.inRoom("alice", "build-42", "m-3");

        capped.remember(KEY, 1, 1_000);
        capped.remember(second, 2, 1_001);
        capped.remember(third, 3, 1_002);

        assertEquals(2, capped.size());
        assertEquals(RecentIds.NOT_SEEN, capped.offsetOf(KEY, 1_003));
        assertEquals(2, capped.offsetOf(second, 1_003));
        assertEquals(3, capped.offsetOf(third, 1_003));
    }

    @Test
    void shouldEvictEveryExpiredIdFromTheHeadWhenANewOneIsRemembered() {
        ids.remember(KEY, 1, 1_000);
        ids.remember(MessageKey.inRoom("alice", "build-42", "m-2"), 2, 1_010);

        ids.remember(MessageKey.inRoom("alice", "build-42", "m-3"), 3, 1_105);

        assertEquals(2, ids.size(), "m-1 left the window at 1100");
    }

    @Test
    void shouldRememberAnIdAgainAfterItLeftTheWindow() {
        ids.remember(KEY, 7, 1_000);
        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(KEY, 1_200));

        ids.remember(KEY, 9, 1_200);

        assertEquals(9, ids.offsetOf(KEY, 1_250));
    }

    @Test
    void shouldKeepTheNewerEntryWhenAStaleOneOfTheSameKeyIsEvicted() {
        MessageKey other = MessageKey.inRoom("alice", "build-42", "m-2");
        ids.remember(other, 1, 1_000);
        ids.remember(KEY, 2, 950);
        assertEquals(RecentIds.NOT_SEEN, ids.offsetOf(KEY, 1_060), "older than the window, though not at the head");
        ids.remember(KEY, 3, 1_060);

        assertEquals(3, ids.offsetOf(KEY, 1_120), "evicting the stale entry leaves the newer one");
        assertEquals(1, ids.size());
    }

    @Test
    void shouldRememberNothingWhenTheWindowIsZero() {
        RecentIds off = new RecentIds(0, 1_000);

        off.remember(KEY, 7, 1_000);

        assertFalse(off.enabled());
        assertFalse(off.inWindow(1_000, 1_000));
        assertEquals(0, off.size());
        assertEquals(RecentIds.NOT_SEEN, off.offsetOf(KEY, 1_000));
    }

    @Test
    void shouldRejectNegativeWindowAndCapBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new RecentIds(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RecentIds(1, 0));
    }
}
