package io.agentbus.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Offsets and where their entries sit, as retention and snapshots move the first kept one. */
class OffsetIndexTest {
    @Test
    void shouldMapContiguousOffsetsToTheirJournalIndexes() {
        OffsetIndex index = new OffsetIndex();
        assertEquals(0, index.lastOffset());
        index.put(1, 100);
        index.put(2, 105);
        assertEquals(2, index.lastOffset());
        assertEquals(1, index.firstOffset());
        assertEquals(105, index.journalIndexOf(2));
        assertEquals(OffsetIndex.GONE, index.journalIndexOf(3));
        assertEquals(OffsetIndex.GONE, index.journalIndexOf(0));
    }

    @Test
    void shouldForgetEntriesInDeletedFilesButKeepCountingTheirOffsets() {
        OffsetIndex index = new OffsetIndex();
        for (int offset = 1; offset <= 5; offset++) {
            index.put(offset, offset * 10L);
        }
        index.forgetBefore(35);
        assertEquals(4, index.firstOffset());
        assertEquals(5, index.lastOffset());
        assertEquals(OffsetIndex.GONE, index.journalIndexOf(3));
        assertEquals(40, index.journalIndexOf(4));
        index.forgetBefore(1_000);
        assertEquals(6, index.firstOffset(), "none kept: first is last + 1");
        assertEquals(5, index.lastOffset());
        index.put(6, 2_000);
        assertEquals(6, index.firstOffset());
        assertEquals(2_000, index.journalIndexOf(6));
    }

    @Test
    void shouldStartAfterASnapshotMarkAndMoveACarriedEntry() {
        OffsetIndex index = new OffsetIndex();
        index.skipTo(41);
        assertEquals(41, index.lastOffset());
        assertEquals(42, index.firstOffset());
        index.put(42, 7);
        index.put(43, 8);
        index.put(42, 90);
        assertEquals(90, index.journalIndexOf(42), "carried forward into a newer file");
        assertEquals(43, index.lastOffset());
        index.skipTo(10);
        assertEquals(43, index.lastOffset(), "a mark behind the sequence changes nothing");
        index.put(3, 1);
        assertEquals(OffsetIndex.GONE, index.journalIndexOf(3), "older than anything kept: ignored");
    }
}
