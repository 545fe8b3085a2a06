package io.agentbus.orchestrator.config;

import java.util.List;
import java.util.Map;

/**
 * The roles of a bridge team, in the order they are filled (a team of n takes the first n), and
 * the words of a subtask that give it to a role other than {@code coder}.
 */
public record TeamSettings(List<String> bridgeRoles, Map<String, List<String>> roleKeywords) {

    void validate(int maxAgents) {
        ConfigException.check(bridgeRoles != null && bridgeRoles.size() >= maxAgents, "team.bridge_roles",
                "must list at least strategy.max_agents (" + maxAgents + ") roles");
        ConfigException.check(bridgeRoles.get(0).equals(Roles.COORDINATOR) && bridgeRoles.contains(Roles.CODER),
                "team.bridge_roles", "must start with coordinator and include a coder");
        for (String role : bridgeRoles) {
            ConfigException.check(Roles.ALL.contains(role), "team.bridge_roles", "names unknown role '" + role + "'");
        }
        ConfigException.check(roleKeywords != null, "team.role_keywords", "is missing");
        for (String role : roleKeywords.keySet()) {
            ConfigException.check(Roles.ALL.contains(role), "team.role_keywords", "names unknown role '" + role + "'");
        }
    }
}
