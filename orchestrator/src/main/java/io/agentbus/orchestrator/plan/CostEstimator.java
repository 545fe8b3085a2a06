package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.OrchestratorConfig;
import io.agentbus.orchestrator.config.Price;
import io.agentbus.orchestrator.config.TokenRate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cost = wall-clock hours × Σ over members of (input tokens/hour × input price + output
 * tokens/hour × output price) of the member's role and model. Wall-clock hours are the hours of
 * work divided by the speed-up 1 + (members − 1) × parallelisability.
 */
public final class CostEstimator {
    private static final double MILLION = 1_000_000.0;
    private final OrchestratorConfig config;

    public CostEstimator(OrchestratorConfig config) {
        this.config = config;
    }

    public CostEstimate estimate(TaskAnalysis a, Team team) {
        int size = team.members().size();
        double speedUp = 1 + (size - 1) * a.parallelisability();
        double wallHours = a.hours() / speedUp;
        Map<String, Double> perMember = new LinkedHashMap<>();
        double total = 0;
        for (Member m : team.members()) {
            double usd = wallHours * hourlyUsd(m);
            perMember.put(m.id(), TaskAnalyzer.round(usd, 2));
            total += usd;
        }
        String reason = String.format(Locale.ROOT,
                "%.2f h of work / speed-up %.2f (%d agents, parallelisability %.2f) = %.2f h each, "
                        + "× tokens per hour of the role × price of the model", a.hours(), speedUp, size,
                a.parallelisability(), wallHours);
        return new CostEstimate(TaskAnalyzer.round(wallHours, 2), perMember, TaskAnalyzer.round(total, 2), reason);
    }

    private double hourlyUsd(Member m) {
        TokenRate rate = config.tokensPerHour().get(m.role());
        Price price = config.prices().get(m.model());
        return (rate.input() * price.inputPerMtok() + rate.output() * price.outputPerMtok()) / MILLION;
    }
}
