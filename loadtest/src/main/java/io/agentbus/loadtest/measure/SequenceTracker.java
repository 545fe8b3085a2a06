package io.agentbus.loadtest.measure;

import java.util.Arrays;

/**
 * One receiver's account of each publisher it should hear: which sequence numbers arrived, so
 * that a message is counted once however the server orders it.
 *
 * <p>Per publisher it keeps a floor (every number below it arrived), the top (one past the highest
 * number that arrived) and, for the numbers between them, a ring of {@value #WINDOW} bits. A number
 * at or above the top is a first arrival: in order, or after a gap (a gap alone is no disorder:
 * the numbers it skipped may come later, or never, when the server refused or lost them). A number
 * between floor and top is a late first arrival ({@link Outcome#OUT_OF_ORDER}) unless its bit is
 * set ({@link Outcome#DUPLICATE}); one below the floor is a duplicate. When the top runs more than
 * the window ahead of the floor, the floor follows it and the numbers it passes are given up: one of
 * them arriving later still (over {@value #WINDOW} messages late) is counted as a duplicate.
 *
 * <p>The ring is allocated on the first gap only, so in-order receivers cost two longs per
 * publisher. The publishers heard are {@code first, first + stride, …} ({@code count} of them):
 * everyone in a fan-out, the members of one room (connection {@code i} is in room
 * {@code i % rooms}), or a single partner. Owned by one event loop.
 */
public final class SequenceTracker {
    /** Sequence numbers tracked above the floor. */
    public static final int WINDOW = 1024;
    private static final int WORDS = WINDOW / Long.SIZE;
    private static final int RING_MASK = WINDOW - 1;

    private final int first;
    private final int stride;
    private final long[] floor;
    private final long[] top;
    private final long[][] rings;

    /** The outcome of one reception. */
    public enum Outcome { UNIQUE, OUT_OF_ORDER, DUPLICATE, FOREIGN }

    public SequenceTracker(int first, int stride, int count) {
        this.first = first;
        this.stride = stride;
        this.floor = new long[count];
        this.top = new long[count];
        this.rings = new long[count][];
    }

    /** Accounts for message {@code sequence} of {@code publisher}. */
    public Outcome accept(int publisher, long sequence) {
        int slot = slot(publisher);
        if (slot < 0) {
            return Outcome.FOREIGN;
        }
        if (sequence < floor[slot]) {
            return Outcome.DUPLICATE;
        }
        if (sequence >= top[slot]) {
            return ahead(slot, sequence);
        }
        return late(slot, sequence);
    }

    private Outcome ahead(int slot, long sequence) {
        top[slot] = sequence + 1;
        if (sequence - floor[slot] >= WINDOW) {
            slide(slot, ring(slot), sequence - WINDOW + 1);
        }
        if (sequence == floor[slot]) {
            floor[slot] = sequence + 1;
        } else {
            set(ring(slot), sequence);
        }
        return Outcome.UNIQUE;
    }

    private Outcome late(int slot, long sequence) {
        long[] ring = rings[slot];
        if (sequence == floor[slot]) {
            floor[slot] = sequence + 1;
            advance(slot, ring);
            return Outcome.OUT_OF_ORDER;
        }
        if (isSet(ring, sequence)) {
            return Outcome.DUPLICATE;
        }
        set(ring, sequence);
        return Outcome.OUT_OF_ORDER;
    }

    /** Gives up the numbers below {@code newFloor} that never arrived, then skips those that did. */
    private void slide(int slot, long[] ring, long newFloor) {
        if (newFloor - floor[slot] >= WINDOW) {
            Arrays.fill(ring, 0);
        } else {
            for (long s = floor[slot]; s < newFloor; s++) {
                clear(ring, s);
            }
        }
        floor[slot] = newFloor;
        advance(slot, ring);
    }

    /** Moves the floor past the numbers above it that already arrived. */
    private void advance(int slot, long[] ring) {
        long f = floor[slot];
        while (f < top[slot] && isSet(ring, f)) {
            clear(ring, f);
            f++;
        }
        floor[slot] = f;
    }

    private long[] ring(int slot) {
        long[] ring = rings[slot];
        if (ring == null) {
            ring = new long[WORDS];
            rings[slot] = ring;
        }
        return ring;
    }

    private static boolean isSet(long[] ring, long sequence) {
        int bit = (int) (sequence & RING_MASK);
        return ring != null && (ring[bit >>> 6] & (1L << bit)) != 0;
    }

    private static void set(long[] ring, long sequence) {
        int bit = (int) (sequence & RING_MASK);
        ring[bit >>> 6] |= 1L << bit;
    }

    private static void clear(long[] ring, long sequence) {
        int bit = (int) (sequence & RING_MASK);
        ring[bit >>> 6] &= ~(1L << bit);
    }

    /** How many publishers this receiver hears. */
    public int publishers() {
        return floor.length;
    }

    /** One past the highest sequence number received, one per publisher heard (a copy). */
    public long[] expectedNext() {
        return Arrays.copyOf(top, top.length);
    }

    /** The lowest sequence number not received (nor given up), one per publisher heard (a copy). */
    public long[] missingFrom() {
        return Arrays.copyOf(floor, floor.length);
    }

    private int slot(int publisher) {
        int offset = publisher - first;
        if (offset < 0 || offset % stride != 0) {
            return -1;
        }
        int slot = offset / stride;
        return slot < floor.length ? slot : -1;
    }
}
