package io.agentbus.loadtest.plot;

import java.util.List;

/** Where a value falls along a chart's axis, and the ticks to label it with. */
interface Axis {
    /** The position of {@code value}: 0 at the start of the axis, 1 at its end. */
    double fraction(double value);

    List<Tick> ticks();

    /** A labelled value on an axis. */
    record Tick(double value, String label) {
    }
}
