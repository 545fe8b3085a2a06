package io.agentbus.orchestrator.worker.rules;

import java.util.List;
import java.util.Optional;

/** The forbidden operations of a worker (the config's {@code forbidden} list), checked against tool uses. */
public final class ForbiddenOperations {
    private final List<ForbiddenRule> rules;

    public ForbiddenOperations(List<ForbiddenRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The first rule that {@code command} breaks, if any. */
    public Optional<ForbiddenRule> check(String command) {
        for (ForbiddenRule rule : rules) {
            if (rule.matches(command)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public List<ForbiddenRule> rules() {
        return rules;
    }
}
