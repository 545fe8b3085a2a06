package io.agentbus.loadtest.measure;

import org.HdrHistogram.Histogram;

/**
 * One reporting interval: what the event loops recorded since the previous one. The histograms
 * are reused after the listeners return: a listener that keeps one must copy it.
 *
 * @param endNanos      when the interval ended, since the run's origin
 * @param periodNanos   how long it was
 * @param latency       delivery latencies recorded in it, in microseconds
 * @param ackLatency    publish-to-ack latencies recorded in it, in microseconds
 * @param sendLag       the harness's send lags (write time - intended time) recorded in it, in microseconds
 * @param totals        every counter at its end
 * @param delta         what the counters gained during it
 */
public record Interval(long endNanos, long periodNanos, Histogram latency, Histogram ackLatency, Histogram sendLag,
                       Totals totals, Totals delta) {

    /** {@code count} per second of this interval. */
    public double perSecond(Count count) {
        return periodNanos <= 0 ? 0 : delta.get(count) * 1e9 / periodNanos;
    }

    public double endSeconds() {
        return endNanos / 1e9;
    }
}
