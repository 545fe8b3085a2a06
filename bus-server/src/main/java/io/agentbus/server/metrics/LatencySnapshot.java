package io.agentbus.server.metrics;

/**
 * One latency as of the last tick, immutable: counted since the start, its quantiles over the
 * sliding window (for {@code /metrics}) and the percentile distribution of the last interval (for
 * the dashboard). Values in nanoseconds.
 *
 * @param count            values recorded since the start
 * @param sumNs            their sum, from the histograms (so within their 1 % precision)
 * @param windowNs         the value at each of {@link LatencyWindow#QUANTILES} over the window
 * @param intervalCount    values recorded in the last interval
 * @param intervalNs       the value at each of {@link LatencyWindow#QUANTILES} in the last interval
 * @param distributionNs   the value at each of {@link LatencyWindow#DISTRIBUTION} in the last interval
 */
public record LatencySnapshot(long count, double sumNs, long[] windowNs, long intervalCount, long[] intervalNs,
                              long[] distributionNs) {
    /** Nothing recorded yet. */
    static final LatencySnapshot EMPTY = new LatencySnapshot(0, 0, new long[LatencyWindow.QUANTILES.length], 0,
            new long[LatencyWindow.QUANTILES.length], new long[LatencyWindow.DISTRIBUTION.length]);
}
