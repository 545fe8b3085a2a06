package io.agentbus.loadtest.scenario;

/**
 * How a ramp raises the rate: steps of {@code stepNanos}, the first at {@code startRate} (after
 * the warm-up), each next one {@code stepFactor} times the previous (multiplicative, so the knee
 * is found in few steps whatever its order of magnitude), until a step fails or
 * {@code maxSteps} have run.
 *
 * @param startRate          total msg/s of the first step
 * @param stepFactor         rate multiplier from one step to the next (over 1)
 * @param stepNanos          length of each step
 * @param warmupNanos        publishing at the start rate before the first step is recorded
 * @param p99BoundMicros     a step whose delivery p99 exceeds this fails
 * @param minDeliveredRatio  a step that delivered less than this share of its messages by the time it stopped sending fails
 * @param maxSteps           the most steps to run
 */
public record RampSpec(double startRate, double stepFactor, long stepNanos, long warmupNanos, long p99BoundMicros,
                       double minDeliveredRatio, int maxSteps) {
    /** A step that delivered less than 95 % of its messages by its end has fallen behind. */
    public static final double DEFAULT_MIN_DELIVERED_RATIO = 0.95;

    /** The rate of step {@code step} (0 first). */
    public double rate(int step) {
        return startRate * Math.pow(stepFactor, step);
    }
}
