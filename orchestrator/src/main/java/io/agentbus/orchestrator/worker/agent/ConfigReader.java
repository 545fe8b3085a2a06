package io.agentbus.orchestrator.worker.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentbus.orchestrator.config.ConfigException;
import io.agentbus.orchestrator.worker.output.OutputFormat;
import io.agentbus.orchestrator.worker.rules.ForbiddenRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the JSON tree of a worker config file, checking every field; each fault names its path. */
final class ConfigReader {
    private static final Pattern AGENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> ROOT_FIELDS = Set.of("agents", "forbidden");
    private static final Set<String> AGENT_FIELDS =
            Set.of("command", "prompt", "format", "recoveries", "usd_per_million_tokens");
    private static final Set<String> RECOVERY_FIELDS = Set.of("name", "pattern", "add_args");
    private static final Set<String> RULE_FIELDS = Set.of("name", "pattern");
    private static final Set<String> PRICE_FIELDS = Set.of("in", "out");

    private final String source;

    ConfigReader(String source) {
        this.source = source;
    }

    Map<String, AgentTemplate> agents(JsonNode root) {
        fields(root, "", ROOT_FIELDS);
        Map<String, AgentTemplate> agents = new LinkedHashMap<>();
        JsonNode node = root.get("agents");
        if (node == null) {
            return agents;
        }
        requireObject(node, "agents");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "agents." + entry.getKey();
            if (!AGENT_NAME.matcher(entry.getKey()).matches()) {
                throw fault(path, "an agent's name must match " + AGENT_NAME.pattern());
            }
            agents.put(entry.getKey(), agent(entry.getKey(), entry.getValue(), path));
        }
        return agents;
    }

    /** The {@code forbidden} list, or {@code null} when the file has none. */
    List<ForbiddenRule> forbidden(JsonNode root) {
        JsonNode node = root.get("forbidden");
        if (node == null) {
            return null;
        }
        List<ForbiddenRule> rules = new ArrayList<>();
        for (int i = 0; i < requireArray(node, "forbidden").size(); i++) {
            String path = "forbidden[" + i + "]";
            JsonNode rule = node.get(i);
            fields(rule, path, RULE_FIELDS);
            rules.add(new ForbiddenRule(string(rule, path, "name"), pattern(rule, path)));
        }
        return rules;
    }

    private AgentTemplate agent(String name, JsonNode node, String path) {
        fields(node, path, AGENT_FIELDS);
        List<String> command = strings(node.get("command"), path + ".command", true);
        String promptName = string(node, path, "prompt");
        PromptMode prompt = PromptMode.of(promptName);
        if (prompt == null) {
            throw fault(path + ".prompt", "must be one of argument, stdin, file, not '" + promptName + "'");
        }
        OutputFormat format;
        try {
            format = OutputFormat.of(string(node, path, "format"));
        } catch (IllegalArgumentException e) {
            throw fault(path + ".format", e.getMessage());
        }
        return new AgentTemplate(name, command, prompt, format, recoveries(node.get("recoveries"), path),
                pricing(node.get("usd_per_million_tokens"), path + ".usd_per_million_tokens"));
    }

    private List<Recovery> recoveries(JsonNode node, String agentPath) {
        List<Recovery> recoveries = new ArrayList<>();
        if (node == null) {
            return recoveries;
        }
        String listPath = agentPath + ".recoveries";
        for (int i = 0; i < requireArray(node, listPath).size(); i++) {
            String path = listPath + "[" + i + "]";
            JsonNode r = node.get(i);
            fields(r, path, RECOVERY_FIELDS);
            List<String> args = strings(r.get("add_args"), path + ".add_args", false);
            if (args.isEmpty()) {
                throw fault(path + ".add_args", "must list at least one argument to add");
            }
            recoveries.add(new Recovery(string(r, path, "name"), pattern(r, path), args));
        }
        return recoveries;
    }

    private Pricing pricing(JsonNode node, String path) {
        if (node == null) {
            return Pricing.NONE;
        }
        fields(node, path, PRICE_FIELDS);
        return new Pricing(price(node, path, "in"), price(node, path, "out"));
    }

    private double price(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.asDouble() < 0) {
            throw fault(path + "." + field, "must be a number >= 0 (US dollars per million tokens)");
        }
        return value.asDouble();
    }

    private Pattern pattern(JsonNode node, String path) {
        String regex = string(node, path, "pattern");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fault(path + ".pattern", "not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of " + regex);
        }
    }

    private String string(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw fault(path + "." + field, value == null ? "missing" : "must be a non-empty string");
        }
        return value.asText();
    }

    private List<String> strings(JsonNode node, String path, boolean required) {
        if (node == null) {
            if (required) {
                throw fault(path, "missing");
            }
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : requireArray(node, path)) {
            if (!element.isTextual()) {
                throw fault(path, "must be an array of strings, found " + element);
            }
            out.add(element.asText());
        }
        return out;
    }

    private void fields(JsonNode node, String path, Set<String> known) {
        requireObject(node, path.isEmpty() ? "the file" : path);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw fault(path.isEmpty() ? field : path + "." + field, "unknown field (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw fault(path, "must be a JSON object");
        }
    }

    private JsonNode requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw fault(path, "must be a JSON array");
        }
        return node;
    }

    private ConfigException fault(String path, String problem) {
        return new ConfigException(source + ": " + path + ": " + problem);
    }
}
