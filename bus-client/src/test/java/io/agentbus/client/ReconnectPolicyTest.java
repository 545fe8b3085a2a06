package io.agentbus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(1000));
    final SplittableRandom random = new SplittableRandom(42);

    @Test
    void shouldDoubleTheCapPerAttemptWithJitterBetweenHalfAndAll() {
        long[] caps = {100, 200, 400, 800, 1000, 1000};
        for (int attempt = 1; attempt <= caps.length; attempt++) {
            long cap = caps[attempt - 1];
            for (int i = 0; i < 200; i++) {
                long d = policy.delayMs(attempt, random);
                assertTrue(d >= cap / 2 && d <= cap, "attempt " + attempt + ": " + d + " not in [" + cap / 2 + ", " + cap + "]");
            }
        }
    }

    @Test
    void shouldSpreadDelaysRatherThanRepeatOne() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 500; i++) {
            long d = policy.delayMs(10, random);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(max - min > 200, "jitter spreads the delays: " + min + ".." + max);
    }

    @Test
    void shouldNotOverflowOnHugeAttemptCounts() {
        assertTrue(policy.delayMs(Integer.MAX_VALUE, random) <= 1000);
    }

    @Test
    void shouldRefuseNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertEquals("maxDelay PT1S is shorter than initialDelay PT2S", e.getMessage());
    }
}
