package io.agentbus.server.inbox;

import java.util.TreeSet;
import org.agrona.collections.LongArrayList;

/**
 * A client's durable inbox of direct messages: its own offset sequence, where each message sits
 * in the journal, and how far it has been written to the client. Sequencer thread only.
 */
public final class Inbox {
    private final LongArrayList journalIndexByOffset = new LongArrayList();
    private final TreeSet<Long> writtenAhead = new TreeSet<>();
    private long writtenUpTo;

    /** The offset of the newest inbox message, 0 when there is none. */
    public long lastOffset() {
        return journalIndexByOffset.size();
    }

    public void appended(long journalIndex) {
        journalIndexByOffset.addLong(journalIndex);
    }

    public long journalIndexOf(long offset) {
        return journalIndexByOffset.getLong((int) (offset - 1));
    }

    /** Every message up to this offset has been written to the client. */
    public long writtenUpTo() {
        return writtenUpTo;
    }

    /** Restores the cursor as journaled. */
    public void writtenUpTo(long offset) {
        writtenUpTo = Math.max(writtenUpTo, offset);
        writtenAhead.headSet(writtenUpTo, true).clear();
    }

    /**
     * Notes that the message at {@code offset} was written. Priorities may write them out of
     * order, so the cursor only moves over contiguous offsets: a message not yet written is never
     * passed over.
     *
     * @return whether the cursor moved
     */
    public boolean written(long offset) {
        if (offset <= writtenUpTo) {
            return false;
        }
        writtenAhead.add(offset);
        long before = writtenUpTo;
        while (!writtenAhead.isEmpty() && writtenAhead.first() == writtenUpTo + 1) {
            writtenUpTo = writtenAhead.pollFirst();
        }
        return writtenUpTo > before;
    }
}
