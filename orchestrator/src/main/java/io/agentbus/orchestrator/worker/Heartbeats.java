package io.agentbus.orchestrator.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the worker's heartbeat every interval on a daemon thread of its own, the first one interval after start. */
final class Heartbeats implements AutoCloseable {
    private final Duration interval;
    private final Runnable beat;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agentbus-worker-heartbeat");
        t.setDaemon(true);
        return t;
    });

    Heartbeats(Duration interval, Runnable beat) {
        this.interval = interval;
        this.beat = beat;
    }

    void start() {
        long ms = interval.toMillis();
        timer.scheduleAtFixedRate(this::beatSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void beatSafely() {
        try {
            beat.run();
        } catch (RuntimeException e) {
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
