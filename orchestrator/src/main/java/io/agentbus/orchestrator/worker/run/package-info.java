/**
 * One task, from its first attempt to its final event: {@link io.agentbus.orchestrator.worker.run.TaskRun}
 * prepares the workspace, starts the agent through its template, feeds every output line through
 * an {@code Attempt} (parser, rules, events) and waits under the timeout (time paused not
 * counted); it restarts once with a recovery's flag after a known permission error, retries a
 * failing agent with doubling back-off, and ends with exactly one {@code completed} (files changed)
 * or {@code failed} (reason, exit code, last stderr lines). A stop from any cause is SIGTERM to
 * the agent's group and SIGKILL after the grace period.
 */
package io.agentbus.orchestrator.worker.run;
