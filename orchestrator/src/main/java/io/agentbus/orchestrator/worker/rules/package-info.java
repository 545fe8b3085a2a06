/**
 * The rules a worker enforces on its agents: the wall-clock timeout, retries with back-off and
 * the grace period of a stop ({@link io.agentbus.orchestrator.worker.rules.RunLimits}), the
 * per-worker cost cap ({@link io.agentbus.orchestrator.worker.rules.CostLedger}), forbidden
 * operations recognised in tool uses
 * ({@link io.agentbus.orchestrator.worker.rules.ForbiddenOperations}) and permission recovery
 * ({@link io.agentbus.orchestrator.worker.rules.PermissionRecovery}: a known error restarts the
 * agent once with the fitting flag). The rules decide; the task run acts on their decisions.
 */
package io.agentbus.orchestrator.worker.rules;
