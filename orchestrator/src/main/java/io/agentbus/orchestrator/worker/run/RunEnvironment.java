package io.agentbus.orchestrator.worker.run;

import io.agentbus.orchestrator.worker.agent.AgentTemplate;
import io.agentbus.orchestrator.worker.process.ProcessLauncher;
import io.agentbus.orchestrator.worker.rules.CostLedger;
import io.agentbus.orchestrator.worker.rules.ForbiddenOperations;
import io.agentbus.orchestrator.worker.rules.RunLimits;
import io.agentbus.orchestrator.worker.workspace.Workspaces;
import java.time.Duration;
import java.util.Objects;

/**
 * What every task of a worker runs with.
 *
 * @param watchInterval how often a git workspace is checked for a commit or push during a run
 */
public record RunEnvironment(AgentTemplate template, ForbiddenOperations forbidden, CostLedger ledger,
                             RunLimits limits, ProcessLauncher launcher, Workspaces workspaces,
                             Duration watchInterval) {
    public RunEnvironment {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(forbidden, "forbidden");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(workspaces, "workspaces");
        Objects.requireNonNull(watchInterval, "watchInterval");
    }
}
