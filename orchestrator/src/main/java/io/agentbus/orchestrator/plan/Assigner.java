package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.Roles;
import io.agentbus.orchestrator.config.TeamSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each subtask to the role whose keywords it contains ({@code team.role_keywords}), else to
 * the coders; a role the team lacks falls back to coder, then to the first member. Within a role,
 * subtasks go round-robin.
 */
final class Assigner {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*");
    private final TeamSettings settings;

    Assigner(TeamSettings settings) {
        this.settings = settings;
    }

    List<Assignment> assign(List<String> subtasks, Team team) {
        Map<String, Integer> turns = new HashMap<>();
        List<Assignment> out = new ArrayList<>();
        for (int i = 0; i < subtasks.size(); i++) {
            String subtask = subtasks.get(i);
            Choice<String> role = role(subtask, team);
            List<Member> candidates = team.withRole(role.value());
            int turn = turns.merge(role.value(), 1, Integer::sum) - 1;
            Member member = candidates.get(turn % candidates.size());
            out.add(new Assignment("task-" + (i + 1), subtask, role.value(), member.id(), role.reason()));
        }
        return out;
    }

    private Choice<String> role(String subtask, Team team) {
        String keyword = null;
        String wanted = Roles.CODER;
        for (Map.Entry<String, List<String>> e : settings.roleKeywords().entrySet()) {
            keyword = firstWord(subtask, e.getValue());
            if (keyword != null) {
                wanted = e.getKey();
                break;
            }
        }
        String why = keyword == null ? "no role keyword: coding work" : "keyword '" + keyword + "'";
        if (!team.withRole(wanted).isEmpty()) {
            return new Choice<>(wanted, why);
        }
        if (!team.withRole(Roles.CODER).isEmpty()) {
            return new Choice<>(Roles.CODER, why + "; no " + wanted + " in the team: a coder");
        }
        String first = team.members().get(0).role();
        return new Choice<>(first, why + "; no " + wanted + " or coder in the team: the " + first);
    }

    private static String firstWord(String text, List<String> words) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (words.contains(m.group())) {
                return m.group();
            }
        }
        return null;
    }
}
