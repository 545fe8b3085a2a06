package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.IntervalReporter;
import io.agentbus.loadtest.measure.RunClock;
import io.agentbus.loadtest.measure.Totals;
import java.util.concurrent.TimeUnit;

/**
 * One phase of publishing: every publisher gets an open-loop schedule from a common start
 * (staggered by its index), results are recorded after the warm-up, and when the schedules end
 * the phase waits for the outstanding deliveries and acks (up to the drain timeout).
 */
final class Phase {
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Harness harness;
    private final PhaseSpec spec;
    private final RunClock clock;

    Phase(Harness harness, PhaseSpec spec) {
        this.harness = harness;
        this.spec = spec;
        this.clock = harness.clock();
    }

    PhaseResult run() {
        Totals before = harness.totals();
        long expectedBefore = expectedSoFar();
        long start = clock.nowNanos() + START_DELAY_NANOS;
        long recordFrom = start + spec.warmupNanos();
        long end = recordFrom + spec.durationNanos();
        clock.recordFromNanos(recordFrom);
        schedule(start, end);
        clock.sleepUntil(recordFrom);
        harness.reporter().cut();
        Totals windowStart = harness.totals();
        clock.sleepUntil(end);
        finishSchedules();
        Totals windowEnd = harness.totals();
        long expected = expectedSoFar() - expectedBefore;
        long deliveredInTime = windowEnd.minus(before).get(Count.UNIQUE);
        boolean drained = drain(before, expected);
        IntervalReporter.Cut cut = harness.reporter().cut();
        Totals after = harness.totals();
        return new PhaseResult(spec, end - recordFrom, windowEnd.minus(windowStart), after.minus(before),
                after, expected, deliveredInTime, drained, cut.latency(),
                harness.settings().target().acknowledges() ? cut.ackLatency() : null);
    }

    private void schedule(long start, long end) {
        LoadPlan plan = harness.plan();
        double ratePerPublisher = spec.totalRatePerSecond() / plan.publishers();
        for (Member member : harness.members()) {
            if (member.plan().publishes()) {
                double stagger = (double) member.plan().publisherIndex() / plan.publishers();
                OpenLoopSchedule schedule = new OpenLoopSchedule(start, end, ratePerPublisher, stagger);
                tickerOf(member).loop().execute(() -> member.schedule(schedule));
            }
        }
        for (PublishTicker ticker : harness.tickers()) {
            if (!ticker.isEmpty()) {
                ticker.start();
            }
        }
    }

    /** Sends what the timers left of the schedules and stops them; a barrier on every publishing loop. */
    private void finishSchedules() {
        for (PublishTicker ticker : harness.tickers()) {
            if (!ticker.isEmpty()) {
                ticker.loop().submit(() -> {
                    ticker.stop();
                    ticker.finishSchedules();
                }).syncUninterruptibly();
            }
        }
    }

    /** Deliveries the messages published so far should make (after a barrier). */
    private long expectedSoFar() {
        long expected = 0;
        for (Member member : harness.members()) {
            if (member.plan().publishes()) {
                expected += member.sent() * harness.plan().audience(member.plan().publisherIndex());
            }
        }
        return expected;
    }

    private boolean drain(Totals before, long expected) {
        long deadline = clock.nowNanos() + harness.settings().drainTimeoutNanos();
        boolean acks = harness.settings().target().acknowledges();
        while (true) {
            Totals gained = harness.totals().minus(before);
            boolean delivered = gained.get(Count.UNIQUE) >= expected;
            boolean acked = !acks || gained.get(Count.ACKED) >= gained.get(Count.SENT);
            if (delivered && acked) {
                return true;
            }
            if (clock.nowNanos() >= deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            clock.sleepUntil(clock.nowNanos() + DRAIN_POLL_NANOS);
        }
    }

    private PublishTicker tickerOf(Member member) {
        return harness.tickers().get(member.plan().index() % harness.tickers().size());
    }
}
