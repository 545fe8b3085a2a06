package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.HarnessGc.GcPauses;
import io.agentbus.loadtest.measure.Totals;
import org.HdrHistogram.Histogram;

/**
 * What one phase measured. Loss and duplicates cover every message of the phase, warm-up
 * included; latency and throughput cover the recorded window only.
 *
 * @param spec              what was asked for
 * @param windowNanos       the time between the two counter snapshots that bound the recorded window
 * @param window            counters gained between those snapshots (throughput)
 * @param whole             counters gained during the whole phase, drain included
 * @param sinceStart        every counter since the harness started (its errors include connecting)
 * @param expected          deliveries the messages sent and not refused should have made
 * @param deliveredInTime   unique deliveries made by the time sending stopped
 * @param drained           whether every expected delivery (and ack or refusal) arrived within the drain timeout
 * @param latency           delivery latency in microseconds
 * @param ackLatency        publish-to-ack latency in microseconds, or {@code null} if the target has no acks
 * @param sendLag           the harness's send lag (write time - intended time) in microseconds
 * @param harnessGc         the harness's own stop-the-world collections during the phase
 */
public record PhaseResult(PhaseSpec spec, long windowNanos, Totals window, Totals whole, Totals sinceStart, long expected,
                          long deliveredInTime, boolean drained, Histogram latency, Histogram ackLatency,
                          Histogram sendLag, GcPauses harnessGc) {
    /** Send lag p99 above this share of the delivery p99 earns a warning: the harness, not the server, adds it. */
    public static final double SEND_LAG_WARNING_SHARE = 0.10;

    public long sent() {
        return whole.get(Count.SENT);
    }

    /** Publishes the server refused with an {@code error}. */
    public long refused() {
        return whole.get(Count.REFUSED);
    }

    public long delivered() {
        return whole.get(Count.DELIVERED);
    }

    public long unique() {
        return whole.get(Count.UNIQUE);
    }

    /** Expected deliveries (of publishes not refused) that never arrived. */
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

    /** Publishes neither acknowledged nor refused (0 if the target has no acks). */
    public long unacked() {
        return ackLatency == null ? 0 : Math.max(0, sent() - whole.get(Count.ACKED) - refused());
    }

    public double sentPerSecond() {
        return perSecond(window.get(Count.SENT));
    }

    public double deliveredPerSecond() {
        return perSecond(window.get(Count.DELIVERED));
    }

    /** Bytes of the delivering protocol messages received per second (WebSocket payload bytes). */
    public double deliveredBytesPerSecond() {
        return perSecond(window.get(Count.DELIVERED_BYTES));
    }

    /** The mean size in bytes of the protocol message that carried a delivery (0 if none arrived). */
    public double meanDeliveredBytes() {
        long delivered = delivered();
        return delivered == 0 ? 0 : (double) whole.get(Count.DELIVERED_BYTES) / delivered;
    }

    /** Unique deliveries made by the time sending stopped, over those expected (1 if none expected). */
    public double deliveredInTimeRatio() {
        return expected == 0 ? 1 : (double) deliveredInTime / expected;
    }

    /** Whether the harness's send lag p99 exceeds {@link #SEND_LAG_WARNING_SHARE} of the delivery p99. */
    public boolean sendLagWarning() {
        return sendLag.getTotalCount() > 0 && latency.getTotalCount() > 0
                && sendLag.getValueAtPercentile(99) > SEND_LAG_WARNING_SHARE * latency.getValueAtPercentile(99);
    }

    /** No loss, no duplicate, no error, nothing unacknowledged. */
    public boolean clean() {
        return lost() == 0 && duplicated() == 0 && errors() == 0 && unacked() == 0;
    }

    private double perSecond(long n) {
        return windowNanos <= 0 ? 0 : n * 1e9 / windowNanos;
    }
}
