package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.Measures;
import io.agentbus.orchestrator.config.OrchestratorConfig;
import io.agentbus.orchestrator.config.Range;
import io.agentbus.orchestrator.config.Roles;
import io.agentbus.orchestrator.config.StrategySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The team of a strategy: one coder for {@code single}; a coordinator leading sub-agent coders
 * for {@code agents} (as many as the parallel subtasks, within the configured range); for a
 * bridge one agent per {@code files_per_agent} files within the strategy's range and the cap,
 * taking the roles of {@code team.bridge_roles} in order.
 */
public final class TeamBuilder {
    private final OrchestratorConfig config;
    private final ModelChooser models;

    public TeamBuilder(OrchestratorConfig config) {
        this.config = config;
        this.models = new ModelChooser(config);
    }

    public Team build(Strategy strategy, TaskAnalysis a) {
        Members members = new Members(a.measures());
        String sizeReason;
        switch (strategy) {
            case SINGLE -> {
                members.add(Roles.CODER, "the single agent: plans, codes and tests");
                sizeReason = "1 agent: the single strategy";
            }
            case AGENTS -> sizeReason = agents(a, members);
            default -> sizeReason = bridge(strategy, a, members);
        }
        Choice<Boolean> planning = planningMode(a.measures());
        return new Team(members.list, sizeReason, planning);
    }

    private String agents(TaskAnalysis a, Members members) {
        StrategySettings s = config.strategy();
        int parallel = (int) Math.ceil(Math.min(a.subtasks().size(), s.agentsMaxSubAgents()) * a.parallelisability());
        int subAgents = Math.max(s.agentsMinSubAgents(), Math.min(s.agentsMaxSubAgents(), parallel));
        members.add(Roles.COORDINATOR, "the lead: splits the work and directs the sub-agents");
        for (int i = 0; i < subAgents; i++) {
            members.add(Roles.CODER, "a sub-agent of the lead");
        }
        return "1 lead + " + subAgents + " sub-agents: ceil(min(" + a.subtasks().size() + " subtasks, "
                + s.agentsMaxSubAgents() + ") × parallelisability " + a.parallelisability() + ") = " + parallel
                + ", within " + s.agentsMinSubAgents() + "–" + s.agentsMaxSubAgents();
    }

    private String bridge(Strategy strategy, TaskAnalysis a, Members members) {
        StrategySettings s = config.strategy();
        Range range = switch (strategy) {
            case BRIDGE_SMALL -> s.smallAgents();
            case BRIDGE_MEDIUM -> s.mediumAgents();
            default -> s.largeAgents();
        };
        int byFiles = Math.max(1, (int) Math.ceil((double) a.files() / s.filesPerAgent()));
        int size = Math.min(s.maxAgents(), range.clamp(byFiles));
        List<String> roles = config.team().bridgeRoles();
        for (int i = 0; i < size; i++) {
            members.add(roles.get(i), "bridge seat " + (i + 1) + " of " + size);
        }
        return size + " agents: ceil(" + a.files() + " files / " + s.filesPerAgent() + " per agent) = " + byFiles
                + ", within " + strategy.wireName() + "'s " + range + ", cap " + s.maxAgents();
    }

    private Choice<Boolean> planningMode(Measures m) {
        String held = config.planningMode().test(m);
        return held != null ? new Choice<>(true, held)
                : new Choice<>(false, "no trigger held (files, subtasks, depth and hours all within limits)");
    }

    /** Builds members with per-role ids ({@code coder-1}, {@code coder-2}) and their models. */
    private final class Members {
        final List<Member> list = new ArrayList<>();
        private final Map<String, Integer> perRole = new HashMap<>();
        private final Measures measures;

        Members(Measures measures) {
            this.measures = measures;
        }

        void add(String role, String reason) {
            int n = perRole.merge(role, 1, Integer::sum);
            Choice<String> model = models.choose(role, measures);
            list.add(new Member(role + "-" + n, role, model.value(), model.reason(), reason));
        }
    }
}
