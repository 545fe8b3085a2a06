package io.agentbus.orchestrator.config;

import java.util.Map;

/** The whole configuration: see {@code orchestrator.json} in this package's resources for the defaults. */
public record OrchestratorConfig(AnalysisSettings analysis, StrategySettings strategy, TeamSettings team,
                                 ModelSettings models, Condition planningMode, Map<String, Price> prices,
                                 Map<String, TokenRate> tokensPerHour, JobSettings job) {

    /** Checks every value once; throws {@link ConfigException} naming the first bad field. */
    OrchestratorConfig validate() {
        ConfigException.check(analysis != null && strategy != null && team != null && models != null
                && planningMode != null && prices != null && tokensPerHour != null && job != null, "(top level)",
                "needs analysis, strategy, team, models, planning_mode, prices, tokens_per_hour and job");
        analysis.validate();
        strategy.validate();
        team.validate(strategy.maxAgents());
        prices.forEach((model, price) -> {
            ConfigException.check(price != null, "prices." + model, "is missing");
            price.validate("prices." + model);
        });
        models.validate(prices);
        planningMode.validate("planning_mode");
        for (String role : Roles.ALL) {
            TokenRate rate = tokensPerHour.get(role);
            ConfigException.check(rate != null, "tokens_per_hour", "has no entry for role '" + role + "'");
            rate.validate("tokens_per_hour." + role);
        }
        job.validate();
        return this;
    }

    /** This configuration with other job settings. */
    public OrchestratorConfig withJob(JobSettings settings) {
        return new OrchestratorConfig(analysis, strategy, team, models, planningMode, prices, tokensPerHour,
                settings);
    }

    /** The model a tier names. */
    public String model(String tier) {
        return models.tiers().get(tier);
    }
}
