package io.agentbus.server.metrics;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One latency, recorded in nanoseconds by any number of threads: each recording thread gets an
 * HdrHistogram {@link SingleWriterRecorder} of its own on its first value, so recording is two
 * uncontended atomic increments and a counts-array update, without locks or allocation. The
 * reporter thread swaps the interval histograms out and adds them up.
 */
public final class LatencyRecorder {
    /** Values are kept to 2 significant digits: within 1 %, in a few KiB per histogram. */
    static final int SIGNIFICANT_DIGITS = 2;

    private final List<SingleWriterRecorder> writers = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<SingleWriterRecorder> perThread = new FastThreadLocal<>() {
        @Override
        protected SingleWriterRecorder initialValue() {
            SingleWriterRecorder recorder = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
            writers.add(recorder);
            return recorder;
        }
    };
    private final Histogram scratch = new Histogram(SIGNIFICANT_DIGITS);

    /** Records one latency; a negative one (clocks of two threads) counts as 0. */
    public void record(long nanos) {
        perThread.get().recordValue(Math.max(0, nanos));
    }

    /** Records the time from {@code startNs} (a {@link System#nanoTime()}) until now. */
    public void recordSince(long startNs) {
        record(System.nanoTime() - startNs);
    }

    /**
     * Adds everything recorded since the previous call to {@code into}, and starts a new interval.
     * Reporter thread only.
     */
    void addIntervalTo(Histogram into) {
        for (int i = 0; i < writers.size(); i++) {
            writers.get(i).getIntervalHistogramInto(scratch);
            into.add(scratch);
        }
    }
}
