package io.agentbus.orchestrator.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A test of a task's {@link Measures}, e.g. {@code {"files_over": 30, "subtasks_over": 10}}:
 * each field present is one clause; {@code "match": "any"} (the default) holds when one clause
 * does, {@code "all"} when every one does. {@link #test} says which clauses held, as the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(Integer filesOver, Integer filesAtMost, Integer filesUnder, Integer subtasksOver,
                        Integer depthOver, Double hoursOver, Long locUnder, Long contextTokensOver, String match) {

    void validate(String field) {
        ConfigException.check(match == null || match.equals("any") || match.equals("all"), field + ".match",
                "must be \"any\" or \"all\", not \"" + match + "\"");
        ConfigException.check(!clauses(new Measures(0, 0, 0, 0, 0, 0)).isEmpty(), field,
                "needs at least one clause (files_over, files_at_most, files_under, subtasks_over, depth_over, "
                        + "hours_over, loc_under, context_tokens_over)");
    }

    /** The clauses that held, joined ("files 45 > 30"), or {@code null} when the condition does not hold. */
    public String test(Measures m) {
        List<Clause> clauses = clauses(m);
        List<String> held = new ArrayList<>();
        for (Clause c : clauses) {
            if (c.holds) {
                held.add(c.text);
            }
        }
        boolean all = "all".equals(match);
        boolean holds = all ? held.size() == clauses.size() : !held.isEmpty();
        return holds ? String.join(all ? " and " : ", ", held) : null;
    }

    private List<Clause> clauses(Measures m) {
        List<Clause> out = new ArrayList<>();
        if (filesOver != null) {
            out.add(new Clause(m.files() > filesOver, "files " + m.files() + " > " + filesOver));
        }
        if (filesAtMost != null) {
            out.add(new Clause(m.files() <= filesAtMost, "files " + m.files() + " <= " + filesAtMost));
        }
        if (filesUnder != null) {
            out.add(new Clause(m.files() < filesUnder, "files " + m.files() + " < " + filesUnder));
        }
        if (subtasksOver != null) {
            out.add(new Clause(m.subtasks() > subtasksOver, "subtasks " + m.subtasks() + " > " + subtasksOver));
        }
        if (depthOver != null) {
            out.add(new Clause(m.depth() > depthOver, "depth " + m.depth() + " > " + depthOver));
        }
        if (hoursOver != null) {
            out.add(new Clause(m.hours() > hoursOver, "hours " + hours(m.hours()) + " > " + hours(hoursOver)));
        }
        if (locUnder != null) {
            out.add(new Clause(m.loc() < locUnder, "LOC " + m.loc() + " < " + locUnder));
        }
        if (contextTokensOver != null) {
            out.add(new Clause(m.contextTokens() > contextTokensOver,
                    "context " + m.contextTokens() + " > " + contextTokensOver + " tokens"));
        }
        return out;
    }

    private static String hours(double h) {
        return String.format(Locale.ROOT, "%.1f", h);
    }

    private record Clause(boolean holds, String text) {
    }
}
