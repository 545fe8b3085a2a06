package io.agentbus.loadtest.measure;

import java.util.Arrays;
import java.util.List;

/** The counters of every event loop, summed at one instant. Immutable. */
public final class Totals {
    private static final Count[] COUNTS = Count.values();
    private static final RefusalCode[] CODES = RefusalCode.values();

    private final long[] values;
    private final long[] refusals;

    private Totals(long[] values, long[] refusals) {
        this.values = values;
        this.refusals = refusals;
    }

    /** All zero. */
    public static Totals zero() {
        return new Totals(new long[COUNTS.length], new long[CODES.length]);
    }

    /** The sums over {@code loops} now. */
    public static Totals sum(List<LoopMetrics> loops) {
        long[] values = new long[COUNTS.length];
        long[] refusals = new long[CODES.length];
        for (LoopMetrics loop : loops) {
            for (Count c : COUNTS) {
                values[c.ordinal()] += loop.count(c);
            }
            for (RefusalCode code : CODES) {
                refusals[code.ordinal()] += loop.refusals(code);
            }
        }
        return new Totals(values, refusals);
    }

    public long get(Count count) {
        return values[count.ordinal()];
    }

    /** Publishes refused with {@code code}. */
    public long refused(RefusalCode code) {
        return refusals[code.ordinal()];
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
        return new Totals(difference(values, earlier.values), difference(refusals, earlier.refusals));
    }

    private static long[] difference(long[] later, long[] earlier) {
        long[] difference = Arrays.copyOf(later, later.length);
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= earlier[i];
        }
        return difference;
    }
}
