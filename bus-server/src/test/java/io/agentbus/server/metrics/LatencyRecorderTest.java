package io.agentbus.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    private final LatencyRecorder recorder = new LatencyRecorder();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void shouldAddUpWhatEveryThreadRecorded() throws Exception {
        int perThread = 10_000;
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            long value = (t + 1) * 1_000_000L;
            threads.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    recorder.record(value);
                }
                done.countDown();
            });
        }
        done.await(10, TimeUnit.SECONDS);
        Histogram interval = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        recorder.addIntervalTo(interval);

        assertEquals(4L * perThread, interval.getTotalCount());
        assertEquals(perThread, interval.getCountAtValue(1_000_000L));
        assertEquals(4_000_000L, interval.highestEquivalentValue(interval.getMaxValue()), 4_000_000L / 100.0);
    }

    @Test
    void shouldStartANewIntervalEachTimeItIsRead() {
        recorder.record(500);
        Histogram first = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        recorder.addIntervalTo(first);
        Histogram second = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        recorder.addIntervalTo(second);

        assertEquals(1, first.getTotalCount());
        assertEquals(0, second.getTotalCount());
    }

    @Test
    void shouldCountANegativeLatencyAsZero() {
        recorder.record(-5);
        recorder.recordSince(System.nanoTime() + 1_000_000_000L);
        Histogram interval = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        recorder.addIntervalTo(interval);

        assertEquals(2, interval.getCountAtValue(0));
    }
}
