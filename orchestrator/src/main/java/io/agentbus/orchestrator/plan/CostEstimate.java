package io.agentbus.orchestrator.plan;

import java.util.Map;

/**
 * The estimated cost of a plan.
 *
 * @param wallClockHours the hours of work divided by the team's speed-up
 * @param perMemberUsd   each member's cost, by member id, in plan order
 * @param totalUsd       their sum
 * @param reason         how it was computed
 */
public record CostEstimate(double wallClockHours, Map<String, Double> perMemberUsd, double totalUsd, String reason) {
}
