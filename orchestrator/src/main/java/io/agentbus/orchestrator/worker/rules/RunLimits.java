package io.agentbus.orchestrator.worker.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The time rules of a worker's tasks.
 *
 * @param timeout wall-clock time a task may take, all attempts and back-offs included, time
 *                paused not counted; then the agent is stopped and the task fails
 * @param retries attempts after the first when the agent exits with a failure (not after a
 *                timeout, a stop, a forbidden operation or the cost cap)
 * @param backoff wait before the first retry, doubled before each further one
 * @param grace   time between SIGTERM and SIGKILL when an agent is stopped
 */
public record RunLimits(Duration timeout, int retries, Duration backoff, Duration grace) {
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    public RunLimits {
        positive("timeout", timeout);
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, not " + retries);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        positive("grace", grace);
    }

    /** The wait before attempt {@code attempt} (2 for the first retry): backoff × 2^(attempt−2), at most 10 min. */
    public Duration backoffBefore(int attempt) {
        int doublings = Math.min(Math.max(0, attempt - 2), 20);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
