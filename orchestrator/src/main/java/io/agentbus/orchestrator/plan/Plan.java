package io.agentbus.orchestrator.plan;

import java.util.List;

/** A complete plan: the analysis, the strategy, the team, the cost and one assignment per subtask. */
public record Plan(TaskAnalysis analysis, Choice<Strategy> strategy, Team team, CostEstimate cost,
                   List<Assignment> assignments) {
}
