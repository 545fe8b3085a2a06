package io.agentbus.server.inbox;

import org.agrona.collections.LongArrayList;

/**
 * A client's durable inbox of direct messages: its own offset sequence, where each message sits
 * in the journal, and how far it has been written to the client. Sequencer thread only.
 */
public final class Inbox {
    private final LongArrayList journalIndexByOffset = new LongArrayList();
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

    public void writtenUpTo(long offset) {
        writtenUpTo = Math.max(writtenUpTo, offset);
    }
}
