package io.agentbus.orchestrator.worker.rules;

import io.agentbus.orchestrator.worker.agent.Pricing;
import io.agentbus.orchestrator.worker.output.AgentEvent;

/**
 * The dollars a worker's agents spent, against its cost cap. An agent's own {@code usd} is taken
 * as it is; tokens without dollars are priced by the template ({@link Pricing}), marked as an
 * estimate. Thread-safe.
 */
public final class CostLedger {
    private final Double capUsd;
    private double spentUsd;

    /** @param capUsd the most this worker may spend, or {@code null} for no cap */
    public CostLedger(Double capUsd) {
        if (capUsd != null && !(capUsd > 0)) {
            throw new IllegalArgumentException("the cost cap must be a positive number of US dollars");
        }
        this.capUsd = capUsd;
    }

    /** One cost report, priced and added up. */
    public record Charge(long tokensIn, long tokensOut, double usd, boolean estimated, double workerUsd,
                         boolean overCap) {
    }

    /** Adds the cost report {@code event} (of kind COST), priced with {@code pricing} if it has no dollars. */
    public synchronized Charge charge(AgentEvent event, Pricing pricing) {
        boolean estimated = event.usd() == null;
        double usd = estimated ? pricing.usd(event.tokensIn(), event.tokensOut()) : event.usd();
        spentUsd += usd;
        return new Charge(event.tokensIn(), event.tokensOut(), usd, estimated && !pricing.isNone(), spentUsd,
                isOverCap());
    }

    /** Whether the worker spent more than its cap. */
    public synchronized boolean isOverCap() {
        return capUsd != null && spentUsd > capUsd;
    }

    public synchronized double spentUsd() {
        return spentUsd;
    }

    public Double capUsd() {
        return capUsd;
    }
}
