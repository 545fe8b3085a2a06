package io.agentbus.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter between reconnection attempts: attempt {@code n} (from 1)
 * waits a random time between half and all of {@code min(maxDelay, initialDelay × 2^(n-1))}, so
 * clients that lost the same server do not all come back at the same instant.
 *
 * @param initialDelay the cap of the first wait
 * @param maxDelay     the cap of every wait
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay) {
    /** 100 ms doubling up to 5 s. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(5));

    public ReconnectPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
        }
    }

    /** How long to wait before attempt {@code attempt} (1 for the first retry). */
    public long delayMs(int attempt, RandomGenerator random) {
        long cap = maxDelay.toMillis();
        long delay = initialDelay.toMillis();
        for (int i = 1; i < attempt && delay < cap; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, cap);
        long half = delay / 2;
        return half + random.nextLong(delay - half + 1);
    }
}
