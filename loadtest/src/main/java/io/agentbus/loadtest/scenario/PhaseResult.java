package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.Totals;
import org.HdrHistogram.Histogram;

/**
 * What one phase measured. Loss and duplicates cover every message of the phase, warm-up
 * included; latency and throughput cover the recorded window only.
 *
 * @param spec              what was asked for
 * @param windowNanos       length of the recorded window
 * @param window            counters gained during the recorded window (throughput)
 * @param whole             counters gained during the whole phase, drain included
 * @param sinceStart        every counter since the harness started (its errors include connecting)
 * @param expected          deliveries the messages sent should have made
 * @param deliveredInTime   unique deliveries made by the time sending stopped
 * @param drained           whether every expected delivery (and ack) arrived within the drain timeout
 * @param latency           delivery latency in microseconds
 * @param ackLatency        publish-to-ack latency in microseconds, or {@code null} if the target has no acks
 */
public record PhaseResult(PhaseSpec spec, long windowNanos, Totals window, Totals whole, Totals sinceStart, long expected,
                          long deliveredInTime, boolean drained, Histogram latency, Histogram ackLatency) {

    public long sent() {
        return whole.get(Count.SENT);
    }

    public long delivered() {
        return whole.get(Count.DELIVERED);
    }

    public long unique() {
        return whole.get(Count.UNIQUE);
    }

    public long lost() {
        return Math.max(0, expected - unique());
    }

    /** Errors since the harness started. */
    public long errors() {
        return sinceStart.errors();
    }

    public long duplicated() {
        return whole.get(Count.DUPLICATED);
    }

    /** Publishes without an ack (0 if the target has no acks). */
    public long unacked() {
        return ackLatency == null ? 0 : Math.max(0, sent() - whole.get(Count.ACKED));
    }

    public double sentPerSecond() {
        return perSecond(window.get(Count.SENT));
    }

    public double deliveredPerSecond() {
        return perSecond(window.get(Count.DELIVERED));
    }

    /** Unique deliveries made by the time sending stopped, over those expected (1 if none expected). */
    public double deliveredInTimeRatio() {
        return expected == 0 ? 1 : (double) deliveredInTime / expected;
    }

    /** No loss, no duplicate, no error, nothing unacknowledged. */
    public boolean clean() {
        return lost() == 0 && duplicated() == 0 && errors() == 0 && unacked() == 0;
    }

    private double perSecond(long n) {
        return windowNanos <= 0 ? 0 : n * 1e9 / windowNanos;
    }
}
