package io.agentbus.orchestrator.worker.rules;

import io.agentbus.orchestrator.worker.agent.Recovery;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a template's known permission errors in what the agent prints. Each task recovers
 * once: after a restart with the fitting flag, the same error is an ordinary failure.
 */
public final class PermissionRecovery {
    private final List<Recovery> recoveries;
    private boolean used;

    public PermissionRecovery(List<Recovery> recoveries) {
        this.recoveries = List.copyOf(recoveries);
    }

    /** The recovery for {@code line}, if it shows a known error and no recovery was used in this task yet. */
    public synchronized Optional<Recovery> match(String line) {
        if (used) {
            return Optional.empty();
        }
        for (Recovery r : recoveries) {
            if (r.matches(line)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Marks the task's one recovery as used. */
    public synchronized void use() {
        used = true;
    }
}
