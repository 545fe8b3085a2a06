package io.agentbus.loadtest.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalReporterTest {
    private static final long MS = 1_000_000;

    private final LoopMetrics first = new LoopMetrics();
    private final LoopMetrics second = new LoopMetrics();
    private final Tally tally = new Tally();
    private final IntervalReporter reporter = new IntervalReporter(List.of(first, second), new RunClock(),
            List.of(tally));

    @Test
    void shouldCutExactlyWhatTheIntervalsSinceThePreviousCutHeld() {
        first.recordLatency(9 * MS);
        reporter.cut();
        long before = tally.latencies;
        first.recordLatency(MS);
        second.recordLatency(2 * MS);
        first.recordSendLag(MS / 10);
        reporter.tick();
        second.recordLatency(3 * MS);
        second.recordAckLatency(MS);
        reporter.tick();
        first.recordLatency(4 * MS);
        IntervalReporter.Cut cut = reporter.cut();
        assertEquals(4, cut.latency().getTotalCount());
        assertEquals(tally.latencies - before, cut.latency().getTotalCount());
        assertEquals(1, cut.ackLatency().getTotalCount());
        assertEquals(1, cut.sendLag().getTotalCount());
        assertEquals(5, tally.latencies);
    }

    @Test
    void shouldHandTheListenersWhatWasRecordedSinceTheLastIntervalWhenClosed() {
        first.recordLatency(MS);
        reporter.tick();
        second.recordLatency(MS);
        reporter.close();
        first.recordLatency(MS);
        reporter.tick();
        assertEquals(2, tally.latencies);
    }

    /** Sums what the intervals held. */
    private static final class Tally implements IntervalListener {
        private long latencies;

        @Override
        public void onInterval(Interval interval) {
            latencies += interval.latency().getTotalCount();
        }
    }
}
