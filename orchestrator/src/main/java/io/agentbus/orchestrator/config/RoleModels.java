package io.agentbus.orchestrator.config;

import java.util.List;

/** A role's model tier: the first of {@link #rules} that holds, else {@link #defaultTier}. */
public record RoleModels(String defaultTier, List<TierRule> rules) {
}
