package io.agentbus.loadtest.report;

import org.HdrHistogram.Histogram;

/**
 * A latency histogram (microseconds) as the figures the table and the JSON show, in milliseconds.
 *
 * @param count how many latencies were recorded
 */
public record LatencySummary(long count, double minMs, double meanMs, double p50Ms, double p90Ms, double p99Ms,
                             double p999Ms, double p9999Ms, double maxMs) {
    private static final double MICROS_PER_MS = 1000.0;

    public static LatencySummary of(Histogram h) {
        return new LatencySummary(h.getTotalCount(), ms(h.getMinValue()), h.getMean() / MICROS_PER_MS,
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getValueAtPercentile(99.99)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / MICROS_PER_MS;
    }
}
