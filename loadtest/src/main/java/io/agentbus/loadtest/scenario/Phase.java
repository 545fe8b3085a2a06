package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.HarnessGc;
import io.agentbus.loadtest.measure.IntervalReporter;
import io.agentbus.loadtest.measure.RunClock;
import io.agentbus.loadtest.measure.Totals;
import java.util.concurrent.TimeUnit;

/**
 * One phase of publishing: every publisher gets an open-loop schedule from a common start
 * (staggered by its index), results are recorded after the warm-up, and when the schedules end
 * the phase waits for the outstanding deliveries and acks (up to the drain timeout), then a short
 * quiet period for late duplicates.
 */
final class Phase {
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

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
        HarnessGc.Mark gc = harness.gc().mark();
        long sentBefore = deliveriesOfSent();
        long start = clock.nowNanos() + START_DELAY_NANOS;
        long recordFrom = start + spec.warmupNanos();
        long end = recordFrom + spec.durationNanos();
        clock.recordFromNanos(recordFrom);
        harness.reporter().cut();
        schedule(start, end);
        clock.sleepUntil(recordFrom);
        Snapshot windowStart = snapshot();
        clock.sleepUntil(end);
        finishSchedules();
        Snapshot windowEnd = snapshot();
        long deliveriesOfSent = deliveriesOfSent() - sentBefore;
        long deliveredInTime = windowEnd.totals().minus(before).get(Count.UNIQUE);
        boolean drained = drain(before, deliveriesOfSent);
        IntervalReporter.Cut cut = harness.reporter().cut();
        Totals after = harness.totals();
        Totals whole = after.minus(before);
        long expected = deliveriesOfSent - whole.get(Count.REFUSED_DELIVERIES);
        return new PhaseResult(spec, windowEnd.nanos() - windowStart.nanos(),
                windowEnd.totals().minus(windowStart.totals()), whole, after, expected, deliveredInTime, drained,
                cut.latency(), harness.settings().target().acknowledges() ? cut.ackLatency() : null, cut.sendLag(),
                harness.gc().since(gc));
    }

    private Snapshot snapshot() {
        long now = clock.nowNanos();
        return new Snapshot(now, harness.totals());
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

    /** Deliveries the messages published so far would make if none were refused (after a barrier). */
    private long deliveriesOfSent() {
        long deliveries = 0;
        for (Member member : harness.members()) {
            if (member.plan().publishes()) {
                deliveries += member.sent() * harness.plan().audience(member.plan().publisherIndex());
            }
        }
        return deliveries;
    }

    /**
     * Waits until every delivery of the publishes not refused and every ack or refusal arrived, or
     * the drain timeout; once they did, waits a quiet period more so late duplicates are counted.
     */
    private boolean drain(Totals before, long deliveriesOfSent) {
        long deadline = clock.nowNanos() + harness.settings().drainTimeoutNanos();
        boolean acks = harness.settings().target().acknowledges();
        while (true) {
            Totals gained = harness.totals().minus(before);
            long expected = deliveriesOfSent - gained.get(Count.REFUSED_DELIVERIES);
            boolean delivered = gained.get(Count.UNIQUE) >= expected;
            boolean answered = !acks || gained.get(Count.ACKED) + gained.get(Count.REFUSED) >= gained.get(Count.SENT);
            if (delivered && answered) {
                clock.sleepUntil(clock.nowNanos() + QUIET_NANOS);
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

    /** The counters at one instant, and that instant. */
    private record Snapshot(long nanos, Totals totals) {
    }
}
