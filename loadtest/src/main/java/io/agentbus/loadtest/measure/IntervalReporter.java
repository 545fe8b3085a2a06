package io.agentbus.loadtest.measure;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The thread that takes interval histograms from every event loop once a period, sums the
 * counters, tells the listeners and adds the interval to what it accumulated since the last
 * {@link #cut()}.
 */
public final class IntervalReporter implements AutoCloseable {
    private final List<LoopMetrics> loops;
    private final RunClock clock;
    private final List<IntervalListener> listeners;
    private final Histogram[] latencyIntervals;
    private final Histogram[] ackIntervals;
    private final Histogram interval = LatencyRange.newHistogram();
    private final Histogram ackInterval = LatencyRange.newHistogram();
    private final Histogram accumulated = LatencyRange.newHistogram();
    private final Histogram ackAccumulated = LatencyRange.newHistogram();
    private Totals last = Totals.zero();
    private long lastNanos;
    private ScheduledExecutorService timer;

    public IntervalReporter(List<LoopMetrics> loops, RunClock clock, List<IntervalListener> listeners) {
        this.loops = loops;
        this.clock = clock;
        this.listeners = listeners;
        this.latencyIntervals = new Histogram[loops.size()];
        this.ackIntervals = new Histogram[loops.size()];
        this.lastNanos = clock.nowNanos();
    }

    /** Starts reporting every {@code periodMs}. */
    public void start(long periodMs) {
        timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("loadtest-reporter", true));
        timer.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Takes one interval now (the timer calls this; so does whoever needs a boundary now). */
    public synchronized void tick() {
        long now = clock.nowNanos();
        take();
        Totals totals = Totals.sum(loops);
        Interval i = new Interval(now, now - lastNanos, interval, ackInterval, totals, totals.minus(last));
        for (IntervalListener listener : listeners) {
            listener.onInterval(i);
        }
        accumulated.add(interval);
        ackAccumulated.add(ackInterval);
        last = totals;
        lastNanos = now;
    }

    /** Takes an interval, then returns what was accumulated since the last cut and starts anew. */
    public synchronized Cut cut() {
        tick();
        Cut cut = new Cut(accumulated.copy(), ackAccumulated.copy());
        accumulated.reset();
        ackAccumulated.reset();
        return cut;
    }

    private void take() {
        interval.reset();
        ackInterval.reset();
        for (int i = 0; i < loops.size(); i++) {
            latencyIntervals[i] = loops.get(i).takeLatency(latencyIntervals[i]);
            ackIntervals[i] = loops.get(i).takeAckLatency(ackIntervals[i]);
            interval.add(latencyIntervals[i]);
            ackInterval.add(ackIntervals[i]);
        }
    }

    /** Stops the timer; takes no further interval. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What was recorded between two cuts.
     *
     * @param latency    delivery latencies, in microseconds
     * @param ackLatency publish-to-ack latencies, in microseconds
     */
    public record Cut(Histogram latency, Histogram ackLatency) {
    }
}
