package io.agentbus.loadtest.measure;

import java.util.concurrent.locks.LockSupport;

/**
 * The run's time base: every stamped and measured instant is in nanoseconds since the origin
 * (one process sends and receives, so {@link System#nanoTime} is shared), and a message is
 * recorded only if it was intended to be sent at or after {@link #recordFromNanos} (the end of the
 * warm-up, or the start of a ramp step).
 */
public final class RunClock {
    private static final long MAX_PARK_NANOS = 10_000_000;

    private final long originEpochMs = System.currentTimeMillis();
    private final long originNanos = System.nanoTime();
    private volatile long recordFromNanos = Long.MAX_VALUE;

    /** The origin as wall-clock time, in milliseconds since the epoch. */
    public long originEpochMs() {
        return originEpochMs;
    }

    /** Nanoseconds since the origin. */
    public long nowNanos() {
        return System.nanoTime() - originNanos;
    }

    /** Whether a message intended at {@code intendedNanos} belongs to the results. */
    public boolean recorded(long intendedNanos) {
        return intendedNanos >= recordFromNanos;
    }

    public void recordFromNanos(long intendedNanos) {
        this.recordFromNanos = intendedNanos;
    }

    public long recordFromNanos() {
        return recordFromNanos;
    }

    /** Parks the calling thread until {@code nanos} after the origin (returns early if interrupted). */
    public void sleepUntil(long nanos) {
        long left = nanos - nowNanos();
        while (left > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(Math.min(left, MAX_PARK_NANOS));
            left = nanos - nowNanos();
        }
    }
}
