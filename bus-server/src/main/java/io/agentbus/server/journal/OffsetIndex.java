package io.agentbus.server.journal;

import org.agrona.collections.LongArrayList;

/**
 * Where each entry of an offset sequence (a room's messages, a client's inbox) sits in the
 * journal. Offsets run from 1 without gaps, but the oldest may be gone (retention deleted their
 * journal files): the index keeps the journal positions of offsets {@link #firstOffset()} to
 * {@link #lastOffset()} only. Sequencer thread only.
 */
public final class OffsetIndex {
    /** What {@link #journalIndexOf} answers for an offset whose entry is not kept. */
    public static final long GONE = -1;

    private LongArrayList journalIndexes = new LongArrayList();
    private long firstOffset = 1;

    /** The newest offset, 0 when there is none. */
    public long lastOffset() {
        return firstOffset - 1 + journalIndexes.size();
    }

    /** The oldest offset whose entry is kept; {@link #lastOffset()} + 1 when none is. */
    public long firstOffset() {
        return firstOffset;
    }

    /**
     * Records where the entry with {@code offset} sits: the next offset (the usual case), one
     * further on (the ones between were removed by retention), or a kept one carried forward into
     * a newer journal file (it moves there). An offset older than every kept one is ignored.
     */
    public void put(long offset, long journalIndex) {
        long last = lastOffset();
        if (offset == last + 1) {
            journalIndexes.addLong(journalIndex);
        } else if (offset > last) {
            journalIndexes.clear();
            firstOffset = offset;
            journalIndexes.addLong(journalIndex);
        } else if (offset >= firstOffset) {
            journalIndexes.setLong((int) (offset - firstOffset), journalIndex);
        }
    }

    /** Offsets up to {@code lastOffset} exist, though none of them is kept (a snapshot's mark). */
    public void skipTo(long lastOffset) {
        if (lastOffset > lastOffset()) {
            journalIndexes.clear();
            firstOffset = lastOffset + 1;
        }
    }

    /**
     * Forgets the entries that sit before {@code firstJournalIndex}: retention deleted the files
     * that held them. Their offsets still count.
     */
    public void forgetBefore(long firstJournalIndex) {
        int size = journalIndexes.size();
        int gone = 0;
        while (gone < size && journalIndexes.getLong(gone) < firstJournalIndex) {
            gone++;
        }
        if (gone == 0) {
            return;
        }
        LongArrayList kept = new LongArrayList(Math.max(size - gone, 16), Long.MIN_VALUE);
        for (int i = gone; i < size; i++) {
            kept.addLong(journalIndexes.getLong(i));
        }
        journalIndexes = kept;
        firstOffset += gone;
    }

    /** The journal index of the entry with this offset, or {@link #GONE}. */
    public long journalIndexOf(long offset) {
        if (offset < firstOffset || offset > lastOffset()) {
            return GONE;
        }
        return journalIndexes.getLong((int) (offset - firstOffset));
    }
}
