package io.agentbus.orchestrator.config;

/**
 * The strategy boundaries. {@code single} when files &le; {@link #singleMaxFiles} and subtasks
 * &le; {@link #singleMaxSubtasks}; {@code agents} when files &le; {@link #agentsMaxFiles}, context
 * &lt; {@link #agentsMaxContextTokens} and hours &lt; {@link #agentsMaxHours}; else
 * {@code bridge-small} up to {@link #smallMaxFiles} files, {@code bridge-medium} up to
 * {@link #mediumMaxFiles}, {@code bridge-large} above. A bridge has one agent per
 * {@link #filesPerAgent} files, within its strategy's range and never more than
 * {@link #maxAgents}.
 */
public record StrategySettings(int singleMaxFiles, int singleMaxSubtasks, int agentsMaxFiles,
                               long agentsMaxContextTokens, double agentsMaxHours, int agentsMinSubAgents,
                               int agentsMaxSubAgents, int smallMaxFiles, Range smallAgents, int mediumMaxFiles,
                               Range mediumAgents, Range largeAgents, int filesPerAgent, int maxAgents) {

    void validate() {
        ConfigException.notNegative(singleMaxFiles, "strategy.single_max_files");
        ConfigException.positive(singleMaxSubtasks, "strategy.single_max_subtasks");
        ConfigException.check(agentsMaxFiles >= singleMaxFiles, "strategy.agents_max_files",
                "must be >= single_max_files");
        ConfigException.positive(agentsMaxContextTokens, "strategy.agents_max_context_tokens");
        ConfigException.positive(agentsMaxHours, "strategy.agents_max_hours");
        ConfigException.check(agentsMinSubAgents >= 1 && agentsMaxSubAgents >= agentsMinSubAgents,
                "strategy.agents_min_sub_agents", "must be >= 1 and <= agents_max_sub_agents");
        ConfigException.check(smallMaxFiles >= agentsMaxFiles, "strategy.small_max_files",
                "must be >= agents_max_files");
        ConfigException.check(mediumMaxFiles >= smallMaxFiles, "strategy.medium_max_files",
                "must be >= small_max_files");
        ConfigException.check(smallAgents != null && mediumAgents != null && largeAgents != null,
                "strategy", "needs small_agents, medium_agents and large_agents");
        smallAgents.validate("strategy.small_agents");
        mediumAgents.validate("strategy.medium_agents");
        largeAgents.validate("strategy.large_agents");
        ConfigException.positive(filesPerAgent, "strategy.files_per_agent");
        ConfigException.check(maxAgents >= 1, "strategy.max_agents", "must be >= 1");
    }
}
