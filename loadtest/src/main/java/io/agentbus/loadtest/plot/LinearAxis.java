package io.agentbus.loadtest.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear axis from 0 (or a given minimum) to a round maximum, with about five round ticks. */
final class LinearAxis implements Axis {
    private static final int TICKS = 5;

    private final double min;
    private final double max;
    private final double step;

    LinearAxis(double min, double dataMax) {
        double span = dataMax > min ? dataMax - min : 1;
        this.step = roundStep(span / TICKS);
        this.min = min;
        this.max = min + Math.ceil(span / step) * step;
    }

    @Override
    public double fraction(double value) {
        return (value - min) / (max - min);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (double v = min; v <= max + step / 2; v += step) {
            ticks.add(new Tick(v, label(v)));
        }
        return ticks;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double roundStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double[] multiples = {1, 2, 5, 10};
        for (double m : multiples) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private String label(double v) {
        if (step >= 1) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        int decimals = (int) Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
