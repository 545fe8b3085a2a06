package io.agentbus.loadtest.report;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.Interval;
import io.agentbus.loadtest.measure.IntervalListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line, once a second on stderr: elapsed time, messages per second out and in, the
 * interval's p99 and the errors so far. On a terminal it rewrites one line, with a bar once the
 * length of what runs is known; elsewhere (a pipe, a CI log) it prints one line per second.
 */
public final class ProgressLine implements IntervalListener {
    private static final int BAR_WIDTH = 24;

    private final PrintStream err;
    private final boolean terminal;
    private volatile double barFromSeconds;
    private volatile double barSeconds;
    private int lastLength;

    public ProgressLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Shows a bar from {@code fromSeconds} (since the run's origin) that is full {@code seconds} later. */
    public void expect(double fromSeconds, double seconds) {
        this.barFromSeconds = fromSeconds;
        this.barSeconds = seconds;
    }

    @Override
    public void onInterval(Interval i) {
        String line = line(i);
        if (terminal) {
            String bar = bar(i.endSeconds());
            String text = bar + line;
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            err.flush();
            lastLength = text.length();
        } else {
            err.println(line);
        }
    }

    /** Ends the rewritten line, so what follows starts on a line of its own. */
    public void finish() {
        if (terminal && lastLength > 0) {
            err.println();
            lastLength = 0;
        }
    }

    static String line(Interval i) {
        long p99 = i.latency().getTotalCount() == 0 ? -1 : i.latency().getValueAtPercentile(99);
        return String.format(Locale.ROOT, "%6.1fs  out %,9.0f/s  in %,10.0f/s  p99 %s  errors %d", i.endSeconds(),
                i.perSecond(Count.SENT), i.perSecond(Count.DELIVERED),
                p99 < 0 ? "      -  " : String.format(Locale.ROOT, "%7.3f ms", p99 / 1000.0), i.totals().errors());
    }

    private String bar(double elapsedSeconds) {
        if (barSeconds <= 0) {
            return "";
        }
        double done = Math.max(0, Math.min(1, (elapsedSeconds - barFromSeconds) / barSeconds));
        int filled = (int) Math.round(done * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%% ", 100 * done);
    }
}
