package io.agentbus.orchestrator.worker.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.orchestrator.config.ConfigException;
import io.agentbus.orchestrator.worker.rules.ForbiddenRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent templates and forbidden operations a worker runs with: the built-in
 * {@code agents.json} (next to this class), optionally overridden by a file of the same shape
 * ({@code agentbus worker --config FILE}): its agents replace or add to the built-in ones by
 * name, and its {@code forbidden} list, when it has one, replaces the built-in list.
 */
public final class AgentConfig {
    static final String BUILT_IN = "agents.json";

    private final Map<String, AgentTemplate> agents;
    private final List<ForbiddenRule> forbidden;

    private AgentConfig(Map<String, AgentTemplate> agents, List<ForbiddenRule> forbidden) {
        this.agents = Map.copyOf(agents);
        this.forbidden = List.copyOf(forbidden);
    }

    /** The built-in templates ({@code claude}, {@code codex}, {@code gemini}, {@code custom}). */
    public static AgentConfig builtIn() {
        try (InputStream in = AgentConfig.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + BUILT_IN + " is missing from the class path");
            }
            return parse("built-in " + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The built-in config overridden by {@code file}.
     *
     * @throws ConfigException if the file cannot be read or is not a valid config, naming the field
     */
    public static AgentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), text, builtIn());
    }

    static AgentConfig parse(String source, String json, AgentConfig base) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(source + ": empty, expected a JSON object with 'agents' and/or 'forbidden'");
        }
        ConfigReader reader = new ConfigReader(source);
        Map<String, AgentTemplate> agents = reader.agents(root);
        List<ForbiddenRule> forbidden = reader.forbidden(root);
        if (base == null) {
            return new AgentConfig(agents, forbidden == null ? List.of() : forbidden);
        }
        Map<String, AgentTemplate> merged = new LinkedHashMap<>(base.agents);
        merged.putAll(agents);
        return new AgentConfig(merged, forbidden == null ? base.forbidden : forbidden);
    }

    /**
     * The template named {@code name}.
     *
     * @throws ConfigException naming the templates there are
     */
    public AgentTemplate template(String name) {
        AgentTemplate template = agents.get(name);
        if (template == null) {
            throw new ConfigException("unknown agent '" + name + "'; configured: "
                    + String.join(", ", agents.keySet().stream().sorted().toList()));
        }
        return template;
    }

    public List<ForbiddenRule> forbidden() {
        return forbidden;
    }
}
