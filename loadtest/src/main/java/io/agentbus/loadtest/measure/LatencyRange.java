package io.agentbus.loadtest.measure;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/** The range of every latency histogram: 1 µs to 60 s, 3 significant digits, values in microseconds. */
public final class LatencyRange {
    public static final long LOWEST_MICROS = 1;
    public static final long HIGHEST_MICROS = 60_000_000;
    public static final int SIGNIFICANT_DIGITS = 3;

    private LatencyRange() {
    }

    public static Histogram newHistogram() {
        return new Histogram(LOWEST_MICROS, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(LOWEST_MICROS, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Nanoseconds as whole microseconds, kept inside the range (a latency over 60 s counts as 60 s). */
    static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }
}
