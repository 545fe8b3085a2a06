package io.agentbus.orchestrator.job;

import java.net.URI;
import java.nio.file.Path;

/**
 * How to run a job.
 *
 * @param room           the room the job runs in
 * @param jobId          its id, carried by every message ({@code job})
 * @param budgetUsd      the job's budget; 0 for none
 * @param dailyBudgetUsd the day's budget across jobs; 0 for none
 * @param workspace      where the final report goes
 * @param ledger         the file of each day's spending
 * @param webhook        where notifications are POSTed, or {@code null}
 */
public record JobOptions(String room, String jobId, double budgetUsd, double dailyBudgetUsd, Path workspace,
                         Path ledger, URI webhook) {
}
