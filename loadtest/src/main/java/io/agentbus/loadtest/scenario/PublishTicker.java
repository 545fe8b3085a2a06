package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.measure.RunClock;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The timer of one event loop's publishers: every tick it sends what each one's schedule made
 * due, then flushes each connection it wrote to once.
 */
final class PublishTicker implements Runnable {
    static final long TICK_MICROS = 1000;

    private final EventLoop loop;
    private final RunClock clock;
    private final List<Member> publishers = new ArrayList<>();
    private ScheduledFuture<?> timer;

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

    void start() {
        timer = loop.scheduleAtFixedRate(this, TICK_MICROS, TICK_MICROS, TimeUnit.MICROSECONDS);
    }

    @Override
    public void run() {
        long now = clock.nowNanos();
        for (int i = 0; i < publishers.size(); i++) {
            Member m = publishers.get(i);
            if (m.publishDue(now)) {
                m.flush();
            }
        }
    }

    /** On the loop: sends what the schedules still hold (the timer may lag behind the end). */
    void finishSchedules() {
        for (int i = 0; i < publishers.size(); i++) {
            publishers.get(i).publishRest();
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
