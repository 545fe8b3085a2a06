package io.agentbus.loadtest.plot;

import java.util.List;

/**
 * The percentile axis of latency plots: position log10(1/(1−p)), so 90 %, 99 %, 99.9 % … are
 * evenly spaced, from 0 % to 99.999 %. Values are percentiles (0 to 100).
 */
final class PercentileAxis implements Axis {
    /** 99.999 %: five nines. */
    static final double MAX_NINES = 5;

    @Override
    public double fraction(double percentile) {
        return nines(percentile) / MAX_NINES;
    }

    /** log10(1/(1−p)), at most {@link #MAX_NINES}. */
    static double nines(double percentile) {
        if (percentile >= 100) {
            return MAX_NINES;
        }
        return Math.min(MAX_NINES, Math.log10(100 / (100 - percentile)));
    }

    @Override
    public List<Tick> ticks() {
        return List.of(new Tick(0, "0%"), new Tick(90, "90%"), new Tick(99, "99%"), new Tick(99.9, "99.9%"),
                new Tick(99.99, "99.99%"), new Tick(99.999, "99.999%"));
    }
}
