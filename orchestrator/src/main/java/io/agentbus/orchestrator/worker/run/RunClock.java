package io.agentbus.orchestrator.worker.run;

import java.time.Duration;

/** A task's time against its timeout, not counting time paused. Guarded by the task run's lock. */
final class RunClock {
    private final long timeoutNs;
    private final long startNs = System.nanoTime();
    private long pausedTotalNs;
    private long pausedSinceNs;
    private boolean paused;

    RunClock(Duration timeout) {
        this.timeoutNs = timeout.toNanos();
    }

    /** @return whether it was running (and is paused now) */
    boolean pause() {
        if (paused) {
            return false;
        }
        paused = true;
        pausedSinceNs = System.nanoTime();
        return true;
    }

    /** @return whether it was paused (and runs now) */
    boolean resume() {
        if (!paused) {
            return false;
        }
        paused = false;
        pausedTotalNs += System.nanoTime() - pausedSinceNs;
        return true;
    }

    boolean isPaused() {
        return paused;
    }

    /** Time left before the timeout; while paused, it does not shrink. */
    long remainingNs() {
        long now = System.nanoTime();
        long pausedNs = pausedTotalNs + (paused ? now - pausedSinceNs : 0);
        return timeoutNs - (now - startNs - pausedNs);
    }

    long elapsedMs(long sinceNs) {
        return (System.nanoTime() - sinceNs) / 1_000_000;
    }
}
