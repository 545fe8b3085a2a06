package io.agentbus.loadtest.measure;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One event loop's recorders and counters. The loop is the single writer of the latency
 * recorders and of the counters that are not errors ({@link #add}); errors may come from any
 * thread ({@link #error}); the reporter reads everything.
 */
public final class LoopMetrics {
    private final SingleWriterRecorder latency = LatencyRange.newRecorder();
    private final SingleWriterRecorder ackLatency = LatencyRange.newRecorder();
    private final AtomicLongArray counts = new AtomicLongArray(Count.values().length);

    /** Adds {@code n} to a counter; only the owning event loop calls this. */
    public void add(Count count, long n) {
        int i = count.ordinal();
        counts.lazySet(i, counts.get(i) + n);
    }

    /** Counts one error, from any thread. */
    public void error(Count count) {
        counts.incrementAndGet(count.ordinal());
    }

    /** Records a delivery latency; only the owning event loop calls this. */
    public void recordLatency(long nanos) {
        latency.recordValue(LatencyRange.micros(nanos));
    }

    /** Records a publish-to-ack latency; only the owning event loop calls this. */
    public void recordAckLatency(long nanos) {
        ackLatency.recordValue(LatencyRange.micros(nanos));
    }

    long count(Count count) {
        return counts.get(count.ordinal());
    }

    /** Delivery latencies since the last call, into {@code recycle} (which may be null). */
    Histogram takeLatency(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    Histogram takeAckLatency(Histogram recycle) {
        return ackLatency.getIntervalHistogram(recycle);
    }
}
