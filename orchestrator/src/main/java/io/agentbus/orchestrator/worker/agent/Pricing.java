package io.agentbus.orchestrator.worker.agent;

/**
 * What a template's agent costs per million tokens, to estimate US dollars when the agent
 * reports tokens but no dollars (Codex, Gemini). {@link #NONE} estimates nothing.
 */
public record Pricing(double usdPerMillionIn, double usdPerMillionOut) {
    public static final Pricing NONE = new Pricing(0, 0);

    public Pricing {
        if (!(usdPerMillionIn >= 0) || !(usdPerMillionOut >= 0)) {
            throw new IllegalArgumentException("prices must be numbers >= 0");
        }
    }

    /** Dollars for these token counts ({@code -1} counts as 0). */
    public double usd(long tokensIn, long tokensOut) {
        return (Math.max(0, tokensIn) * usdPerMillionIn + Math.max(0, tokensOut) * usdPerMillionOut) / 1_000_000;
    }

    public boolean isNone() {
        return usdPerMillionIn == 0 && usdPerMillionOut == 0;
    }
}
