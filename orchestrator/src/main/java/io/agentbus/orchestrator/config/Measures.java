package io.agentbus.orchestrator.config;

/** The measures of a task that {@link Condition}s test: what the analysis found. */
public record Measures(int files, long loc, int subtasks, int depth, double hours, long contextTokens) {
}
