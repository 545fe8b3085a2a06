package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.adapter.SessionEvents;
import io.agentbus.loadtest.adapter.TargetSession;
import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.LoopMetrics;
import io.agentbus.loadtest.measure.RefusalCode;
import io.agentbus.loadtest.measure.RunClock;
import io.agentbus.loadtest.measure.SequenceTracker;
import io.agentbus.loadtest.payload.Stamp;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection at run time: it publishes what its schedule says is due and accounts for
 * every delivery, ack, refusal and error into its event loop's metrics. Everything but the
 * lifecycle flags runs on that event loop.
 */
final class Member implements SessionEvents {
    /** The most one publisher sends in one run of its timer, so a late run cannot starve the loop's reads. */
    private static final int MAX_BURST = 4096;

    private final MemberPlan plan;
    private final int audience;
    private final LoopMetrics metrics;
    private final RunClock clock;
    private final Lifecycle lifecycle;
    private final SequenceTracker tracker;
    private final AtomicBoolean settled = new AtomicBoolean();
    private TargetSession session;
    private OpenLoopSchedule schedule;
    private long nextIndex;
    private long nextSequence;
    private long sent;
    private long connectStartNanos;
    private volatile long readyNanos = -1;
    private volatile boolean broken;
    private volatile String failure;

    /** Who hears when a member is ready or failed, and whether the harness is closing. */
    interface Lifecycle {
        void settled(Member member);

        boolean closing();
    }

    /** @param audience how many connections hear each message it publishes (0 if it only listens) */
    Member(MemberPlan plan, int audience, LoopMetrics metrics, RunClock clock, Lifecycle lifecycle) {
        this.plan = plan;
        this.audience = audience;
        this.metrics = metrics;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.tracker = new SequenceTracker(plan.heardFirst(), plan.heardStride(), plan.heardCount());
    }

    void session(TargetSession session) {
        this.session = session;
        this.connectStartNanos = clock.nowNanos();
    }

    TargetSession session() {
        return session;
    }

    MemberPlan plan() {
        return plan;
    }

    /** Starts publishing by {@code schedule}, on the event loop. */
    void schedule(OpenLoopSchedule schedule) {
        this.schedule = schedule;
        this.nextIndex = 0;
    }

    /** The intended instant of its next message, or {@link Long#MAX_VALUE} if it has none to send. */
    long nextDueNanos() {
        OpenLoopSchedule s = schedule;
        return s == null || broken || s.isDone(nextIndex) ? Long.MAX_VALUE : s.intendedNanos(nextIndex);
    }

    /** Sends every message intended at or before {@code dueByNanos} (at most a burst); whether it wrote any. */
    boolean publishDue(long dueByNanos) {
        OpenLoopSchedule s = schedule;
        if (s == null || broken) {
            return false;
        }
        int n = 0;
        while (n < MAX_BURST && s.isDue(nextIndex, dueByNanos)) {
            long intended = s.intendedNanos(nextIndex);
            recordSendLag(intended);
            session.publish(intended, plan.publisherIndex(), nextSequence);
            nextIndex++;
            nextSequence++;
            n++;
        }
        if (n == 0) {
            return false;
        }
        sent += n;
        metrics.add(Count.SENT, n);
        return true;
    }

    /** The harness's own delay: how long after its intended instant a recorded message is written. */
    private void recordSendLag(long intendedNanos) {
        if (clock.recorded(intendedNanos)) {
            metrics.recordSendLag(clock.nowNanos() - intendedNanos);
        }
    }

    /** Sends everything its schedule still holds, however many, and ends the schedule. */
    void publishRest() {
        OpenLoopSchedule s = schedule;
        while (s != null && !broken && !s.isDone(nextIndex)) {
            if (publishDue(s.endNanos()) && session != null) {
                session.flush();
            }
        }
        schedule = null;
    }

    void flush() {
        session.flush();
    }

    /** Messages published so far (read after a barrier on the event loop). */
    long sent() {
        return sent;
    }

    @Override
    public void onReady() {
        if (settled.compareAndSet(false, true)) {
            readyNanos = clock.nowNanos();
            lifecycle.settled(this);
        }
    }

    @Override
    public void onDelivery(Stamp stamp, int wireBytes) {
        long now = clock.nowNanos();
        switch (tracker.accept(stamp.publisher(), stamp.sequence())) {
            case UNIQUE -> metrics.add(Count.UNIQUE, 1);
            case OUT_OF_ORDER -> {
                metrics.add(Count.UNIQUE, 1);
                metrics.add(Count.OUT_OF_ORDER, 1);
            }
            case DUPLICATE -> metrics.add(Count.DUPLICATED, 1);
            default -> {
                metrics.error(Count.MISROUTED);
                return;
            }
        }
        metrics.add(Count.DELIVERED, 1);
        metrics.add(Count.DELIVERED_BYTES, wireBytes);
        if (clock.recorded(stamp.intendedNanos())) {
            metrics.recordLatency(now - stamp.intendedNanos());
        }
    }

    @Override
    public void onAck(long intendedNanos) {
        metrics.add(Count.ACKED, 1);
        if (clock.recorded(intendedNanos)) {
            metrics.recordAckLatency(clock.nowNanos() - intendedNanos);
        }
    }

    @Override
    public void onRefused(long intendedNanos, RefusalCode code) {
        metrics.refused(code, audience);
    }

    @Override
    public void onError(Count kind) {
        metrics.error(kind);
    }

    @Override
    public void onFailure(String reason) {
        if (!giveUp(reason) && isReady() && !broken && !lifecycle.closing()) {
            broken = true;
            failure = reason;
            metrics.error(Count.CLOSED_EARLY);
        }
    }

    /**
     * Settles a connection that is not ready as failed, counting one connect failure: whichever of
     * its own failure and the connect timeout comes first counts, the other finds it settled.
     *
     * @return whether this call settled it
     */
    boolean giveUp(String reason) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        failure = reason;
        metrics.error(Count.CONNECT_FAILURES);
        lifecycle.settled(this);
        return true;
    }

    @Override
    public void onClosed() {
        onFailure("the connection closed");
    }

    boolean isReady() {
        return readyNanos >= 0;
    }

    /** When it became ready (since the run's origin), or -1. */
    long readyAtNanos() {
        return readyNanos;
    }

    /** Nanoseconds from starting to connect until ready, or -1. */
    long connectNanos() {
        return readyNanos < 0 ? -1 : readyNanos - connectStartNanos;
    }

    /** Why the connection failed or closed early, or {@code null}. */
    String failure() {
        return failure;
    }
}
