package io.agentbus.orchestrator.worker.run;

/**
 * How a task ended: {@code completed}, or the {@code reason} of its {@code failed} event.
 *
 * @param attempts how many times the agent was started
 */
public record Outcome(boolean completed, String reason, int attempts) {
}
