package io.agentbus.server.ratelimit;

import io.agentbus.server.config.Rate;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;

/** One limit's bucket; takes everything when the limit is off. Thread-safe. */
final class RateBucket {
    private final Rate rate;
    private final String unit;
    private final Bucket bucket;

    RateBucket(Rate rate, String unit) {
        this.rate = rate;
        this.unit = unit;
        this.bucket = rate.on() ? bucket(rate.burst(), rate.perSecond(), Duration.ofSeconds(1),
                SynchronizationStrategy.SYNCHRONIZED) : null;
    }

    static Bucket bucket(long capacity, long refill, Duration period, SynchronizationStrategy sync) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period))
                .withNanosecondPrecision()
                .withSynchronizationStrategy(sync)
                .build();
    }

    /** Takes {@code tokens} if the bucket holds them; nothing to take (an empty frame's bytes) always passes. */
    boolean tryTake(long tokens) {
        return bucket == null || tokens <= 0 || bucket.tryConsume(tokens);
    }

    void giveBack(long tokens) {
        if (bucket != null && tokens > 0) {
            bucket.addTokens(tokens);
        }
    }

    /** Milliseconds until {@code tokens} could be taken, at least 1. */
    long waitMs(long tokens) {
        long nanos = bucket.estimateAbilityToConsume(tokens).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    /** Whether the bucket is full again: nothing of the past is remembered, so it may be forgotten. */
    boolean full() {
        return bucket == null || bucket.getAvailableTokens() >= rate.burst();
    }

    /** E.g. "rate.messages.per.client (10000 frames per second)". */
    String describe() {
        return rate.setting() + " (" + rate.perSecond() + " " + unit + " per second)";
    }
}
