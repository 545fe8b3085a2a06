package io.agentbus.orchestrator.config;

import java.util.Map;

/** Model tiers ({@code strongest}, {@code standard}, {@code cheapest} → a model name) and each role's rules. */
public record ModelSettings(Map<String, String> tiers, Map<String, RoleModels> roles) {

    void validate(Map<String, Price> prices) {
        ConfigException.check(tiers != null && !tiers.isEmpty(), "models.tiers", "must name at least one tier");
        tiers.forEach((tier, model) -> ConfigException.check(prices.containsKey(model), "models.tiers." + tier,
                "names model '" + model + "', which has no entry in 'prices'"));
        ConfigException.check(roles != null, "models.roles", "is missing");
        for (String role : Roles.ALL) {
            ConfigException.check(roles.containsKey(role), "models.roles", "has no entry for role '" + role + "'");
        }
        roles.forEach((role, models) -> validateRole(role, models));
    }

    private void validateRole(String role, RoleModels models) {
        String field = "models.roles." + role;
        ConfigException.check(Roles.ALL.contains(role), field, "is not a role (" + String.join(", ", Roles.ALL) + ")");
        ConfigException.check(models != null && tiers.containsKey(models.defaultTier()), field + ".default_tier",
                "must be one of " + tiers.keySet());
        ConfigException.check(models.rules() != null, field + ".rules", "must be a list");
        for (int i = 0; i < models.rules().size(); i++) {
            TierRule rule = models.rules().get(i);
            String ruleField = field + ".rules[" + i + "]";
            ConfigException.check(rule != null && tiers.containsKey(rule.tier()), ruleField + ".tier",
                    "must be one of " + tiers.keySet());
            ConfigException.check(rule.when() != null, ruleField + ".when", "is missing");
            rule.when().validate(ruleField + ".when");
        }
    }
}
