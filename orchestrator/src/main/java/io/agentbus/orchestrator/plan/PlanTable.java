package io.agentbus.orchestrator.plan;

import java.util.Locale;
import java.util.Map;

/** A {@link Plan} as the readable text {@code agentbus plan} prints. */
public final class PlanTable {
    private PlanTable() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        TaskAnalysis a = plan.analysis();
        line(out, "Task: %s%n%n", a.task());
        analysis(out, a);
        line(out, "%nStrategy: %s%n  why: %s%n", plan.strategy().value().wireName(), plan.strategy().reason());
        team(out, plan.team());
        line(out, "%nCost estimate: $%.2f (%.2f h wall-clock)%n  how: %s%n", plan.cost().totalUsd(),
                plan.cost().wallClockHours(), plan.cost().reason());
        for (Map.Entry<String, Double> e : plan.cost().perMemberUsd().entrySet()) {
            line(out, "  %-16s $%.2f%n", e.getKey(), e.getValue());
        }
        line(out, "%nAssignments:%n  %-8s %-12s %-16s %s%n", "TASK", "ROLE", "ASSIGNEE", "SUBTASK (why the role)");
        for (Assignment x : plan.assignments()) {
            line(out, "  %-8s %-12s %-16s %s (%s)%n", x.taskId(), x.role(), x.assignee(), x.title(), x.reason());
        }
        return out.toString();
    }

    private static void analysis(StringBuilder out, TaskAnalysis a) {
        line(out, "Analysis:%n");
        line(out, "  %-20s %d (%s)%n", "files", a.files(), a.filesSource());
        line(out, "  %-20s %d%s%n", "lines of code", a.loc(), a.languages().isEmpty() ? " (estimate)" : "");
        if (!a.languages().isEmpty()) {
            line(out, "  %-20s %s%n", "languages", a.languages().toString().replaceAll("[{}]", ""));
        }
        if (a.hasTests() != null) {
            line(out, "  %-20s %s%n", "tests present", a.hasTests() ? "yes" : "no");
        }
        line(out, "  %-20s %.1f / 10%n", "complexity", a.complexity());
        line(out, "  %-20s %.2f%n", "parallelisability", a.parallelisability());
        line(out, "  %-20s %s tokens%n", "context", StrategyChooser.tokens(a.contextTokens()));
        line(out, "  %-20s %d%n", "dependency depth", a.depth());
        line(out, "  %-20s %.2f%n", "estimated hours", a.hours());
        line(out, "  %-20s %d%n", "subtasks", a.subtasks().size());
        for (int i = 0; i < a.subtasks().size(); i++) {
            line(out, "    %d. %s%n", i + 1, a.subtasks().get(i));
        }
    }

    private static void team(StringBuilder out, Team team) {
        line(out, "%nTeam: %d agent%s%n  why: %s%n", team.members().size(), team.members().size() == 1 ? "" : "s",
                team.sizeReason());
        line(out, "  %-16s %-12s %-8s %s%n", "ID", "ROLE", "MODEL", "WHY THE MODEL");
        for (Member m : team.members()) {
            line(out, "  %-16s %-12s %-8s %s%n", m.id(), m.role(), m.model(), m.modelReason());
        }
        line(out, "%nPlanning mode: %s%n  why: %s%n", team.planningMode().value() ? "on" : "off",
                team.planningMode().reason());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args));
    }
}
