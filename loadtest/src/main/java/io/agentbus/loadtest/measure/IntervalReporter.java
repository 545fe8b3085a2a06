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
 * {@link #cut()}. Every interval the listeners saw went into exactly one cut (or is still
 * accumulating), so a cut's histograms are the sum of the intervals between two cuts.
 */
public final class IntervalReporter implements AutoCloseable {
    private static final long CLOSE_TIMEOUT_S = 5;

    private final List<LoopMetrics> loops;
    private final RunClock clock;
    private final List<IntervalListener> listeners;
    private final Histogram[] latencyIntervals;
    private final Histogram[] ackIntervals;
    private final Histogram[] lagIntervals;
    private final Histogram interval = LatencyRange.newHistogram();
    private final Histogram ackInterval = LatencyRange.newHistogram();
    private final Histogram lagInterval = LatencyRange.newHistogram();
    private final Histogram accumulated = LatencyRange.newHistogram();
    private final Histogram ackAccumulated = LatencyRange.newHistogram();
    private final Histogram lagAccumulated = LatencyRange.newHistogram();
    private Totals last = Totals.zero();
    private long lastNanos;
    private ScheduledExecutorService timer;
    private boolean closed;

    public IntervalReporter(List<LoopMetrics> loops, RunClock clock, List<IntervalListener> listeners) {
        this.loops = loops;
        this.clock = clock;
        this.listeners = listeners;
        this.latencyIntervals = new Histogram[loops.size()];
        this.ackIntervals = new Histogram[loops.size()];
        this.lagIntervals = new Histogram[loops.size()];
        this.lastNanos = clock.nowNanos();
    }

    /** Starts reporting every {@code periodMs}. */
    public void start(long periodMs) {
        timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("loadtest-reporter", true));
        timer.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Takes one interval now (the timer calls this; so does whoever needs a boundary now). */
    public synchronized void tick() {
        if (closed) {
            return;
        }
        long now = clock.nowNanos();
        take();
        Totals totals = Totals.sum(loops);
        Interval i = new Interval(now, now - lastNanos, interval, ackInterval, lagInterval, totals, totals.minus(last));
        for (IntervalListener listener : listeners) {
            listener.onInterval(i);
        }
        accumulated.add(interval);
        ackAccumulated.add(ackInterval);
        lagAccumulated.add(lagInterval);
        last = totals;
        lastNanos = now;
    }

    /** Takes an interval, then returns what was accumulated since the last cut and starts anew. */
    public synchronized Cut cut() {
        tick();
        Cut cut = new Cut(accumulated.copy(), ackAccumulated.copy(), lagAccumulated.copy());
        accumulated.reset();
        ackAccumulated.reset();
        lagAccumulated.reset();
        return cut;
    }

    private void take() {
        interval.reset();
        ackInterval.reset();
        lagInterval.reset();
        for (int i = 0; i < loops.size(); i++) {
            latencyIntervals[i] = loops.get(i).takeLatency(latencyIntervals[i]);
            ackIntervals[i] = loops.get(i).takeAckLatency(ackIntervals[i]);
            lagIntervals[i] = loops.get(i).takeSendLag(lagIntervals[i]);
            interval.add(latencyIntervals[i]);
            ackInterval.add(ackIntervals[i]);
            lagInterval.add(lagIntervals[i]);
        }
    }

    /** Stops the timer, then takes a last interval, so the listeners saw everything recorded; no tick after. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            tick();
            closed = true;
        }
    }

    /**
     * What was recorded between two cuts.
     *
     * @param latency    delivery latencies, in microseconds
     * @param ackLatency publish-to-ack latencies, in microseconds
     * @param sendLag    the harness's send lags, in microseconds
     */
    public record Cut(Histogram latency, Histogram ackLatency, Histogram sendLag) {
    }
}
