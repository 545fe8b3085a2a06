package io.agentbus.loadtest.report;

import io.agentbus.loadtest.measure.Interval;
import io.agentbus.loadtest.measure.IntervalListener;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The HdrHistogram interval log ({@code latency.hlog}): one untagged interval histogram of delivery
 * latency per second, one tagged {@code send_lag} of the harness's send lag and, for targets with
 * acks, one tagged {@code ack} of publish-to-ack latency.
 * Values are microseconds; the max column is in milliseconds (unit ratio 1000). Timestamps are
 * seconds since the run's start, which the header gives as StartTime and BaseTime.
 */
public final class HlogWriter implements IntervalListener, AutoCloseable {
    private static final double MICROS_PER_MS = 1000.0;
    private static final String ACK_TAG = "ack";
    private static final String SEND_LAG_TAG = "send_lag";

    private final PrintStream file;
    private final HistogramLogWriter log;
    private final boolean acks;

    public HlogWriter(Path path, long startEpochMs, boolean acks, String comment) throws FileNotFoundException {
        this.file = new PrintStream(path.toFile());
        this.log = new HistogramLogWriter(file);
        this.acks = acks;
        log.outputComment(comment);
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMs);
        log.outputBaseTime(startEpochMs);
        log.outputLegend();
    }

    @Override
    public void onInterval(Interval i) {
        double start = (i.endNanos() - i.periodNanos()) / 1e9;
        double end = i.endNanos() / 1e9;
        log.outputIntervalHistogram(start, end, i.latency(), MICROS_PER_MS);
        i.sendLag().setTag(SEND_LAG_TAG);
        log.outputIntervalHistogram(start, end, i.sendLag(), MICROS_PER_MS);
        if (acks) {
            i.ackLatency().setTag(ACK_TAG);
            log.outputIntervalHistogram(start, end, i.ackLatency(), MICROS_PER_MS);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
