package io.agentbus.loadtest.measure;

import java.util.Arrays;

/**
 * One receiver's next expected sequence number for each publisher it should hear. Messages from
 * one publisher into one room arrive in order (agentbus and NATS both keep that order), so a
 * number below the expected one is a duplicate and one above it is a gap (counted as out of
 * order; the numbers it skipped are lost unless they come later, when they count as duplicates).
 *
 * <p>The publishers heard are {@code first, first + stride, …} ({@code count} of them): everyone
 * in a fan-out, the members of one room (connection {@code i} is in room {@code i % rooms}), or a
 * single partner. Owned by one event loop.
 */
public final class SequenceTracker {
    private final int first;
    private final int stride;
    private final long[] next;

    /** The outcome of one reception. */
    public enum Outcome { UNIQUE, OUT_OF_ORDER, DUPLICATE, FOREIGN }

    public SequenceTracker(int first, int stride, int count) {
        this.first = first;
        this.stride = stride;
        this.next = new long[count];
    }

    /** Accounts for message {@code sequence} of {@code publisher}. */
    public Outcome accept(int publisher, long sequence) {
        int slot = slot(publisher);
        if (slot < 0) {
            return Outcome.FOREIGN;
        }
        long expected = next[slot];
        if (sequence == expected) {
            next[slot] = expected + 1;
            return Outcome.UNIQUE;
        }
        if (sequence < expected) {
            return Outcome.DUPLICATE;
        }
        next[slot] = sequence + 1;
        return Outcome.OUT_OF_ORDER;
    }

    /** How many publishers this receiver hears. */
    public int publishers() {
        return next.length;
    }

    /** The sequence numbers expected next, one per publisher heard (a copy). */
    public long[] expectedNext() {
        return Arrays.copyOf(next, next.length);
    }

    private int slot(int publisher) {
        int offset = publisher - first;
        if (offset < 0 || offset % stride != 0) {
            return -1;
        }
        int slot = offset / stride;
        return slot < next.length ? slot : -1;
    }
}
