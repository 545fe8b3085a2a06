package io.agentbus.benchmarks.sequencer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Frames that reached the far end of some connections, counted by their event loops; one thread
 * at a time may wait for the count to reach a target. The waiter parks instead of spinning, so it
 * leaves the cores to the sequencer and the event loops. A failure (an error frame) wakes it and
 * ends the wait with that failure.
 */
final class DeliveryCounter {
    private static final long NO_TARGET = Long.MAX_VALUE;

    private final AtomicLong count = new AtomicLong();
    private volatile long target = NO_TARGET;
    private volatile Thread waiter;
    private volatile String failure;

    /** Adds frames that arrived. Any thread. */
    void add(long frames) {
        if (count.addAndGet(frames) >= target) {
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    long count() {
        return count.get();
    }

    /** Ends the current and every later wait with {@code reason}. Any thread. */
    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Waits until at least {@code atLeast} frames have arrived.
     *
     * @throws IllegalStateException when they have not within the timeout (a frame was lost), or a failure came
     */
    void await(long atLeast, long timeout, TimeUnit unit) {
        waiter = Thread.currentThread();
        target = atLeast;
        long deadlineNs = System.nanoTime() + unit.toNanos(timeout);
        try {
            for (long c = count.get(); c < atLeast; c = count.get()) {
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
                long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    throw new IllegalStateException("only " + c + " of " + atLeast + " frames arrived within "
                            + timeout + " " + unit);
                }
                LockSupport.parkNanos(this, leftNs);
            }
        } finally {
            target = NO_TARGET;
            waiter = null;
        }
    }
}
