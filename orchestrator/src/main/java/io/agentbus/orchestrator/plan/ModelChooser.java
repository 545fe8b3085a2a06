package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.Measures;
import io.agentbus.orchestrator.config.OrchestratorConfig;
import io.agentbus.orchestrator.config.RoleModels;
import io.agentbus.orchestrator.config.TierRule;

/** A role's model: the first tier rule of the role that holds for the task, else its default tier. */
public final class ModelChooser {
    private final OrchestratorConfig config;

    public ModelChooser(OrchestratorConfig config) {
        this.config = config;
    }

    public Choice<String> choose(String role, Measures measures) {
        RoleModels models = config.models().roles().get(role);
        for (TierRule rule : models.rules()) {
            String held = rule.when().test(measures);
            if (held != null) {
                return new Choice<>(config.model(rule.tier()), rule.tier() + " tier: " + held);
            }
        }
        return new Choice<>(config.model(models.defaultTier()), models.defaultTier() + " tier: the " + role
                + "'s default" + (models.rules().isEmpty() ? "" : " (no rule held)"));
    }
}
