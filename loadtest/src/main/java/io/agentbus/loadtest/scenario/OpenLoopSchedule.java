package io.agentbus.loadtest.scenario;

/**
 * One publisher's intended send instants: {@code start + (i + phase) / rate} for i = 0, 1, …
 * while before {@code end}. They are fixed in advance, whatever the timer does: a tick that comes
 * late sends every message that came due meanwhile, each stamped with its own intended instant,
 * so the delay counts in the measured latency (open loop, no coordinated omission). The phase
 * (0 to 1) staggers publishers so that together they send evenly. Immutable.
 */
public final class OpenLoopSchedule {
    private static final double NANOS_PER_SECOND = 1e9;

    private final long startNanos;
    private final long endNanos;
    private final double intervalNanos;
    private final double phase;

    public OpenLoopSchedule(long startNanos, long endNanos, double ratePerSecond, double phase) {
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.intervalNanos = NANOS_PER_SECOND / ratePerSecond;
        this.phase = phase;
    }

    /** The intended send instant of message {@code index} of this schedule. */
    public long intendedNanos(long index) {
        return startNanos + (long) ((index + phase) * intervalNanos);
    }

    /** Whether message {@code index} is part of the schedule and due at {@code nowNanos}. */
    public boolean isDue(long index, long nowNanos) {
        long intended = intendedNanos(index);
        return intended <= nowNanos && intended < endNanos;
    }

    /** Whether every message of the schedule before {@code index} has been sent. */
    public boolean isDone(long index) {
        return intendedNanos(index) >= endNanos;
    }

    public long endNanos() {
        return endNanos;
    }
}
