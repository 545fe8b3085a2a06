package io.agentbus.loadtest.plot;

/**
 * One line of a chart.
 *
 * @param label its name in the legend
 * @param xs    x values (axis units)
 * @param ys    y values, as many as {@code xs}
 */
record Series(String label, double[] xs, double[] ys) {
}
