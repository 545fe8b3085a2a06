package io.agentbus.loadtest.measure;

/** Told about each interval on the reporter thread; must return quickly. */
@FunctionalInterface
public interface IntervalListener {
    void onInterval(Interval interval);
}
