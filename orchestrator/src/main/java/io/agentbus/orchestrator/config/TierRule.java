package io.agentbus.orchestrator.config;

/** One rule of a role's model choice: {@code tier} when {@code when} holds. */
public record TierRule(String tier, Condition when) {
}
