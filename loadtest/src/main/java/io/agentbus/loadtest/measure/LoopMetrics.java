package io.agentbus.loadtest.measure;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One event loop's recorders and counters. The loop is the single writer of the latency
 * recorders and of the counters that are not errors ({@link #add}, {@link #refused}); errors may
 * come from any thread ({@link #error}); the reporter reads everything.
 */
public final class LoopMetrics {
    private final SingleWriterRecorder latency = LatencyRange.newRecorder();
    private final SingleWriterRecorder ackLatency = LatencyRange.newRecorder();
    private final SingleWriterRecorder sendLag = LatencyRange.newRecorder();
    private final AtomicLongArray counts = new AtomicLongArray(Count.values().length);
    private final AtomicLongArray refusals = new AtomicLongArray(RefusalCode.values().length);

    /** Adds {@code n} to a counter; only the owning event loop calls this. */
    public void add(Count count, long n) {
        int i = count.ordinal();
        counts.lazySet(i, counts.get(i) + n);
    }

    /** Counts one error, from any thread. */
    public void error(Count count) {
        counts.incrementAndGet(count.ordinal());
    }

    /** Counts a refused publish whose {@code audience} deliveries are no longer expected; owning loop only. */
    public void refused(RefusalCode code, int audience) {
        add(Count.REFUSED, 1);
        add(Count.REFUSED_DELIVERIES, audience);
        int i = code.ordinal();
        refusals.lazySet(i, refusals.get(i) + 1);
    }

    /** Records a delivery latency; only the owning event loop calls this. */
    public void recordLatency(long nanos) {
        latency.recordValue(LatencyRange.micros(nanos));
    }

    /** Records a publish-to-ack latency; only the owning event loop calls this. */
    public void recordAckLatency(long nanos) {
        ackLatency.recordValue(LatencyRange.micros(nanos));
    }

    /** Records how late the harness wrote a publish after its intended instant; only the owning event loop calls this. */
    public void recordSendLag(long nanos) {
        sendLag.recordValue(LatencyRange.micros(nanos));
    }

    long count(Count count) {
        return counts.get(count.ordinal());
    }

    long refusals(RefusalCode code) {
        return refusals.get(code.ordinal());
    }

    /** Delivery latencies since the last call, into {@code recycle} (which may be null). */
    Histogram takeLatency(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    Histogram takeAckLatency(Histogram recycle) {
        return ackLatency.getIntervalHistogram(recycle);
    }

    Histogram takeSendLag(Histogram recycle) {
        return sendLag.getIntervalHistogram(recycle);
    }
}
