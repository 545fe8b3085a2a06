package io.agentbus.orchestrator.plan;

/** A decision of the planner and the one line that says why. */
public record Choice<T>(T value, String reason) {
}
