package io.agentbus.loadtest.scenario;

/**
 * One stretch of publishing at a fixed total rate.
 *
 * @param totalRatePerSecond messages per second over all publishers together
 * @param warmupNanos        how long it publishes before results are recorded
 * @param durationNanos      how long it publishes while results are recorded
 */
public record PhaseSpec(double totalRatePerSecond, long warmupNanos, long durationNanos) {
}
