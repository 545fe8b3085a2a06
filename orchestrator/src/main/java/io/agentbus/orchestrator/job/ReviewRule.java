package io.agentbus.orchestrator.job;

import java.util.Collection;

/**
 * The decision rule of a review round, applied in order: any blocker → stop and escalate; two or
 * more concerns → pause and clarify; one concern → log a warning; otherwise → continue.
 */
public final class ReviewRule {
    private ReviewRule() {
    }

    /** The action for these verdicts ({@code approve}, {@code concern}, {@code blocker}). */
    public static ReviewAction decide(Collection<String> verdicts) {
        long concerns = 0;
        for (String v : verdicts) {
            if (v.equals("blocker")) {
                return ReviewAction.STOP_AND_ESCALATE;
            }
            if (v.equals("concern")) {
                concerns++;
            }
        }
        if (concerns >= 2) {
            return ReviewAction.PAUSE_AND_CLARIFY;
        }
        return concerns == 1 ? ReviewAction.LOG_WARNING : ReviewAction.CONTINUE;
    }
}
