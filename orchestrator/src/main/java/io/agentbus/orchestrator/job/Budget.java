package io.agentbus.orchestrator.job;

/**
 * The money a job may spend: the smaller of its own budget and what is left of the day's. Costs
 * of child jobs count against the same budget. Confined to the orchestrator's thread.
 */
final class Budget {
    enum Crossing { NONE, WARN, STOP }

    private final double limitUsd;
    private final double warnFraction;
    private double spentUsd;
    private boolean warned;
    private boolean stopped;

    /** {@code limitUsd} &le; 0 or infinite means no limit. */
    Budget(double limitUsd, double warnFraction) {
        this.limitUsd = limitUsd;
        this.warnFraction = warnFraction;
    }

    /** Adds a cost; says whether it crossed the warning line or the limit for the first time. */
    Crossing add(double usd) {
        spentUsd += usd;
        if (!limited()) {
            return Crossing.NONE;
        }
        if (!stopped && spentUsd >= limitUsd) {
            stopped = true;
            warned = true;
            return Crossing.STOP;
        }
        if (!warned && spentUsd >= warnFraction * limitUsd) {
            warned = true;
            return Crossing.WARN;
        }
        return Crossing.NONE;
    }

    boolean limited() {
        return limitUsd > 0 && Double.isFinite(limitUsd);
    }

    double limitUsd() {
        return limitUsd;
    }

    double spentUsd() {
        return spentUsd;
    }

    double warnFraction() {
        return warnFraction;
    }
}
