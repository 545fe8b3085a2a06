package io.agentbus.loadtest.measure;

import java.util.Arrays;
import java.util.List;

/** The counters of every event loop, summed at one instant. Immutable. */
public final class Totals {
    private static final Count[] COUNTS = Count.values();

    private final long[] values;

    private Totals(long[] values) {
        this.values = values;
    }

    /** All zero. */
    public static Totals zero() {
        return new Totals(new long[COUNTS.length]);
    }

    /** The sums over {@code loops} now. */
    public static Totals sum(List<LoopMetrics> loops) {
        long[] values = new long[COUNTS.length];
        for (LoopMetrics loop : loops) {
            for (Count c : COUNTS) {
                values[c.ordinal()] += loop.count(c);
            }
        }
        return new Totals(values);
    }

    public long get(Count count) {
        return values[count.ordinal()];
    }

    /** The sum of the error counters. */
    public long errors() {
        long errors = 0;
        for (Count c : COUNTS) {
            if (c.isError()) {
                errors += values[c.ordinal()];
            }
        }
        return errors;
    }

    /** Each counter minus {@code earlier}'s. */
    public Totals minus(Totals earlier) {
        long[] difference = Arrays.copyOf(values, values.length);
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= earlier.values[i];
        }
        return new Totals(difference);
    }
}
