package io.agentbus.server.metrics;

import org.HdrHistogram.Histogram;

/**
 * The reporter's view of one latency: it is fed one interval histogram per tick and keeps the
 * last {@link #SLOTS} × {@link #TICKS_PER_SLOT} ticks in slots that rotate, so the window slides
 * in steps of one slot (a minute, in steps of ten seconds, at one tick a second). Reporter
 * thread only; what it computes is handed out as an immutable {@link LatencySnapshot}.
 */
final class LatencyWindow {
    /** The quantiles exported for every latency: p50, p90, p99, p99.9 and the max. */
    static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};
    /** The percentiles of the dashboard's distribution plot of the last interval. */
    static final double[] DISTRIBUTION = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100};
    static final int SLOTS = 6;
    static final int TICKS_PER_SLOT = 10;

    private final Histogram[] slots = new Histogram[SLOTS];
    private final Histogram window = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    private int slot;
    private int ticksInSlot;
    private long count;
    private double sumNs;

    LatencyWindow() {
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        }
    }

    /** Takes in the last interval and returns the latency as of now. */
    LatencySnapshot tick(Histogram interval) {
        if (ticksInSlot == TICKS_PER_SLOT) {
            slot = (slot + 1) % SLOTS;
            slots[slot].reset();
            ticksInSlot = 0;
        }
        ticksInSlot++;
        slots[slot].add(interval);
        long intervalCount = interval.getTotalCount();
        count += intervalCount;
        sumNs += interval.getMean() * intervalCount;
        window.reset();
        for (Histogram h : slots) {
            window.add(h);
        }
        return new LatencySnapshot(count, sumNs, quantiles(window), intervalCount, quantiles(interval),
                distribution(interval));
    }

    private static long[] quantiles(Histogram h) {
        long[] values = new long[QUANTILES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = QUANTILES[i] == 1.0 ? h.getMaxValue() : h.getValueAtPercentile(QUANTILES[i] * 100);
        }
        return values;
    }

    private static long[] distribution(Histogram h) {
        long[] values = new long[DISTRIBUTION.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = DISTRIBUTION[i] == 100 ? h.getMaxValue() : h.getValueAtPercentile(DISTRIBUTION[i]);
        }
        return values;
    }
}
