package io.agentbus.loadtest.measure;

import java.util.ArrayList;
import java.util.List;

/** Every interval as a row: throughput, p99 and errors over time, for the JSON summary and the plot. */
public final class Timeline implements IntervalListener {
    private final List<Sample> samples = new ArrayList<>();

    @Override
    public synchronized void onInterval(Interval i) {
        samples.add(new Sample(i.endSeconds(), i.perSecond(Count.SENT), i.perSecond(Count.DELIVERED),
                p99Ms(i.latency().getTotalCount(), i.latency().getValueAtPercentile(99)),
                p99Ms(i.ackLatency().getTotalCount(), i.ackLatency().getValueAtPercentile(99)),
                i.totals().errors()));
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    private static double p99Ms(long count, long micros) {
        return count == 0 ? Double.NaN : micros / 1000.0;
    }

    /**
     * One interval.
     *
     * @param elapsedSeconds     its end, in seconds since the run's origin
     * @param sentPerSecond      messages published per second
     * @param deliveredPerSecond messages received per second
     * @param p99Ms              delivery latency p99 in it, NaN if none was recorded
     * @param ackP99Ms           publish-to-ack p99 in it, NaN if none was recorded
     * @param errors             errors so far
     */
    public record Sample(double elapsedSeconds, double sentPerSecond, double deliveredPerSecond, double p99Ms,
                         double ackP99Ms, long errors) {
    }
}
