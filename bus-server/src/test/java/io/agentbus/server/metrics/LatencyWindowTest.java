package io.agentbus.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {
    private static final double WITHIN_PRECISION = 0.01;

    private final LatencyWindow window = new LatencyWindow();

    @Test
    void shouldGiveQuantilesAndTheMaxOfTheWindowAndOfTheLastInterval() {
        Histogram first = interval(100, 1_000);
        window.tick(first);
        LatencySnapshot s = window.tick(interval(1, 1_000_000));

        assertEquals(101, s.count());
        assertEquals(1, s.intervalCount());
        assertClose(1_000, s.windowNs()[0]);
        assertClose(1_000_000, s.windowNs()[4]);
        assertClose(1_000_000, s.intervalNs()[0]);
        assertClose(100 * 1_000 + 1_000_000, (long) s.sumNs());
    }

    @Test
    void shouldForgetIntervalsOlderThanTheWindow() {
        window.tick(interval(1, 5_000_000));
        LatencySnapshot s = null;
        for (int i = 0; i < LatencyWindow.SLOTS * LatencyWindow.TICKS_PER_SLOT; i++) {
            s = window.tick(interval(1, 1_000));
        }

        assertClose(1_000, s.windowNs()[4]);
        assertEquals(1 + LatencyWindow.SLOTS * LatencyWindow.TICKS_PER_SLOT, s.count());
    }

    @Test
    void shouldReportTheDistributionOfTheLastIntervalUpToItsMax() {
        Histogram h = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        for (long v = 1; v <= 1000; v++) {
            h.recordValue(v * 1000);
        }
        LatencySnapshot s = window.tick(h);

        assertEquals(LatencyWindow.DISTRIBUTION.length, s.distributionNs().length);
        assertClose(500_000, s.distributionNs()[1]);
        assertClose(1_000_000, s.distributionNs()[LatencyWindow.DISTRIBUTION.length - 1]);
    }

    private static Histogram interval(int count, long valueNs) {
        Histogram h = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        h.recordValueWithCount(valueNs, count);
        return h;
    }

    private static void assertClose(long expected, long actual) {
        assertEquals(expected, actual, expected * WITHIN_PRECISION, "within HdrHistogram's 1 %");
    }
}
