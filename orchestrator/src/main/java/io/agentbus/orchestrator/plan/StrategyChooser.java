package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.StrategySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Chooses the {@link Strategy} by the thresholds of {@link StrategySettings}, first match wins. */
public final class StrategyChooser {
    private final StrategySettings s;

    public StrategyChooser(StrategySettings settings) {
        this.s = settings;
    }

    public Choice<Strategy> choose(TaskAnalysis a) {
        int files = a.files();
        int subtasks = a.subtasks().size();
        if (files <= s.singleMaxFiles() && subtasks <= s.singleMaxSubtasks()) {
            return new Choice<>(Strategy.SINGLE, "files " + files + " <= " + s.singleMaxFiles() + " and subtasks "
                    + subtasks + " <= " + s.singleMaxSubtasks() + ": one agent is enough");
        }
        List<String> notAgents = agentsMisses(a);
        if (notAgents.isEmpty()) {
            return new Choice<>(Strategy.AGENTS, "files " + files + " <= " + s.agentsMaxFiles() + ", context "
                    + tokens(a.contextTokens()) + " < " + tokens(s.agentsMaxContextTokens()) + ", hours "
                    + hours(a.hours()) + " < " + hours(s.agentsMaxHours()) + ": fits one lead's context");
        }
        String why = "too big for agents (" + String.join(", ", notAgents) + ")";
        if (files <= s.smallMaxFiles()) {
            return new Choice<>(Strategy.BRIDGE_SMALL, "files " + files + " <= " + s.smallMaxFiles() + "; " + why);
        }
        if (files <= s.mediumMaxFiles()) {
            return new Choice<>(Strategy.BRIDGE_MEDIUM, "files " + files + " <= " + s.mediumMaxFiles() + "; " + why);
        }
        return new Choice<>(Strategy.BRIDGE_LARGE, "files " + files + " > " + s.mediumMaxFiles() + "; " + why);
    }

    private List<String> agentsMisses(TaskAnalysis a) {
        List<String> misses = new ArrayList<>();
        if (a.files() > s.agentsMaxFiles()) {
            misses.add("files " + a.files() + " > " + s.agentsMaxFiles());
        }
        if (a.contextTokens() >= s.agentsMaxContextTokens()) {
            misses.add("context " + tokens(a.contextTokens()) + " >= " + tokens(s.agentsMaxContextTokens()));
        }
        if (a.hours() >= s.agentsMaxHours()) {
            misses.add("hours " + hours(a.hours()) + " >= " + hours(s.agentsMaxHours()));
        }
        return misses;
    }

    static String tokens(long tokens) {
        return tokens >= 1000 ? String.format(Locale.ROOT, "%.1fK", tokens / 1000.0).replace(".0K", "K") : tokens + "";
    }

    static String hours(double hours) {
        return String.format(Locale.ROOT, "%.1f", hours);
    }
}
