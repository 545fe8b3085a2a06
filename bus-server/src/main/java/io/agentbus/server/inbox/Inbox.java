package io.agentbus.server.inbox;

import java.util.TreeSet;
import io.agentbus.server.journal.OffsetIndex;

/**
 * A client's durable inbox of direct messages: its own offset sequence, where each message sits
 * in the journal, and how far it has been written to the client. Sequencer thread only.
 */
public final class Inbox {
    private final OffsetIndex messages = new OffsetIndex();
    private final TreeSet<Long> writtenAhead = new TreeSet<>();
    private long writtenUpTo;

    /** The offset of the newest inbox message, 0 when there is none. */
    public long lastOffset() {
        return messages.lastOffset();
    }

    /** Records that the message with this inbox offset sits at this journal index (or moved there). */
    public void appended(long offset, long journalIndex) {
        messages.put(offset, journalIndex);
    }

    /** Retention deleted the journal before this index (unwritten messages were carried forward). */
    public void forgetBefore(long firstJournalIndex) {
        messages.forgetBefore(firstJournalIndex);
    }

    /** The journal index of the message with this offset, or {@link OffsetIndex#GONE}. */
    public long journalIndexOf(long offset) {
        return messages.journalIndexOf(offset);
    }

    /** Messages not yet written to the client (those written out of order count until the cursor passes them). */
    public long pending() {
        return messages.lastOffset() - writtenUpTo;
    }

    /** Every message up to this offset has been written to the client. */
    public long writtenUpTo() {
        return writtenUpTo;
    }

    /**
     * Restores the cursor as journaled. Offsets up to it exist even when their messages are gone
     * (retention): the next message gets a later one.
     */
    public void writtenUpTo(long offset) {
        messages.skipTo(offset);
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
