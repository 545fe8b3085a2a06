package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.measure.RunClock;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The timer of one event loop's publishers: each run sends what each one's schedule made due and
 * flushes each connection it wrote to once, then schedules itself, one shot, for the soonest
 * intended instant still to come ({@code max(0, nextDue - now)}).
 *
 * <p>Why one shot rather than a fixed tick: a fixed 1 ms tick left every message waiting 0 to 1 ms
 * after its intended instant (harness delay counted as latency), and a 100 µs tick would wake each
 * loop 10,000 times a second whatever the rate. Publishers are staggered evenly, so the one-shot
 * timer wakes about once per message of its loop's publishers (a few hundred times a second at the
 * default fan-out rates) and a message leaves as soon as the loop's timer fires; when the rate
 * passes the wake-ups a loop can make, due messages pile up and leave together in the next run,
 * which is no worse than a tick. The send lag each message had is recorded (see {@link Member}).
 */
final class PublishTicker implements Runnable {
    private final EventLoop loop;
    private final RunClock clock;
    private final List<Member> publishers = new ArrayList<>();
    private volatile boolean running;
    private volatile ScheduledFuture<?> timer;

    PublishTicker(EventLoop loop, RunClock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    /** Adds a publisher of this loop (before {@link #start}). */
    void add(Member member) {
        publishers.add(member);
    }

    boolean isEmpty() {
        return publishers.isEmpty();
    }

    EventLoop loop() {
        return loop;
    }

    /** Starts sending; runs on the loop after the tasks already queued there (the publishers' schedules). */
    void start() {
        loop.execute(() -> {
            running = true;
            scheduleNext();
        });
    }

    @Override
    public void run() {
        if (!running) {
            return;
        }
        long now = clock.nowNanos();
        for (int i = 0; i < publishers.size(); i++) {
            Member m = publishers.get(i);
            if (m.publishDue(now)) {
                m.flush();
            }
        }
        scheduleNext();
    }

    private void scheduleNext() {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < publishers.size(); i++) {
            next = Math.min(next, publishers.get(i).nextDueNanos());
        }
        if (next != Long.MAX_VALUE) {
            timer = loop.schedule(this, Math.max(0, next - clock.nowNanos()), TimeUnit.NANOSECONDS);
        }
    }

    /** On the loop: sends what the schedules still hold (the timer may lag behind the end). */
    void finishSchedules() {
        for (int i = 0; i < publishers.size(); i++) {
            publishers.get(i).publishRest();
        }
    }

    /** Stops the timer (from any thread); a run already under way sends its due messages, then stops. */
    void stop() {
        running = false;
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
