package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.OrchestratorConfig;

/** Task text (+ repository facts) → {@link Plan}. */
public final class Planner {
    private final OrchestratorConfig config;

    public Planner(OrchestratorConfig config) {
        this.config = config;
    }

    /**
     * Plans {@code task}; {@code repo} may be {@code null}.
     *
     * @throws IllegalArgumentException if the task is blank
     */
    public Plan plan(String task, RepoFacts repo) {
        TaskAnalysis analysis = new TaskAnalyzer(config.analysis()).analyze(task, repo);
        Choice<Strategy> strategy = new StrategyChooser(config.strategy()).choose(analysis);
        Team team = new TeamBuilder(config).build(strategy.value(), analysis);
        CostEstimate cost = new CostEstimator(config).estimate(analysis, team);
        return new Plan(analysis, strategy, team, cost, new Assigner(config.team()).assign(analysis.subtasks(), team));
    }

    public OrchestratorConfig config() {
        return config;
    }
}
