package io.agentbus.orchestrator.config;

import java.util.List;

/**
 * The job driver's timers and limits: which roles review, how long a review round waits for its
 * reviews, after how long without any worker event an idle review round starts, the fraction of
 * the budget that brings a warning, the deepest child plan, how long a room decision stays open,
 * and how long a webhook POST may take.
 */
public record JobSettings(List<String> reviewRoles, long reviewTimeoutMs, long idleReviewMs,
                          double budgetWarnFraction, int maxDepth, long decisionDeadlineMs,
                          long webhookTimeoutMs) {

    void validate() {
        ConfigException.check(reviewRoles != null && !reviewRoles.isEmpty(), "job.review_roles",
                "must name at least one role");
        for (String role : reviewRoles) {
            ConfigException.check(Roles.ALL.contains(role), "job.review_roles", "names unknown role '" + role + "'");
        }
        ConfigException.positive(reviewTimeoutMs, "job.review_timeout_ms");
        ConfigException.positive(idleReviewMs, "job.idle_review_ms");
        ConfigException.check(budgetWarnFraction > 0 && budgetWarnFraction < 1, "job.budget_warn_fraction",
                "must be between 0 and 1 (exclusive), not " + budgetWarnFraction);
        ConfigException.check(maxDepth >= 0, "job.max_depth", "must be >= 0, not " + maxDepth);
        ConfigException.positive(decisionDeadlineMs, "job.decision_deadline_ms");
        ConfigException.positive(webhookTimeoutMs, "job.webhook_timeout_ms");
    }

    /** These settings with another maximum depth (the {@code --max-depth} flag). */
    public JobSettings withMaxDepth(int depth) {
        return new JobSettings(reviewRoles, reviewTimeoutMs, idleReviewMs, budgetWarnFraction, depth,
                decisionDeadlineMs, webhookTimeoutMs);
    }
}
