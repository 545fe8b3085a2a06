package io.agentbus.loadtest.payload;

/**
 * The fields a scan found in one body: a mutable holder that one receiver reuses for every
 * message, so scanning allocates nothing.
 */
public final class Stamp {
    private long intendedNanos;
    private int publisher;
    private long sequence;

    void set(long intendedNanos, int publisher, long sequence) {
        this.intendedNanos = intendedNanos;
        this.publisher = publisher;
        this.sequence = sequence;
    }

    /** The intended send instant, in nanoseconds since the run's origin. */
    public long intendedNanos() {
        return intendedNanos;
    }

    public int publisher() {
        return publisher;
    }

    public long sequence() {
        return sequence;
    }
}
