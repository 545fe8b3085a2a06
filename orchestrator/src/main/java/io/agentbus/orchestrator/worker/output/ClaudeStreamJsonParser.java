package io.agentbus.orchestrator.worker.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Claude Code's {@code --output-format stream-json}: {@code system} (init), {@code assistant}
 * (message content: text, tool_use), {@code user} (tool results) and a final {@code result} with
 * {@code usage} and {@code total_cost_usd}. Cost is taken from {@code result} only, which holds
 * the session's totals (the per-message usage would count twice).
 */
final class ClaudeStreamJsonParser implements OutputParser {
    @Override
    public List<AgentEvent> line(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        ObjectNode event = JsonFields.object(line);
        if (event == null) {
            return List.of(AgentEvent.log(line));
        }
        String type = JsonFields.text(event, "type");
        if (type == null) {
            return List.of(AgentEvent.log(line));
        }
        return switch (type) {
            case "system" -> List.of(AgentEvent.log(system(event)));
            case "assistant" -> assistant(event.path("message").path("content"));
            case "user" -> toolErrors(event.path("message").path("content"));
            case "result" -> result(event);
            default -> List.of(AgentEvent.log(line));
        };
    }

    private static String system(ObjectNode event) {
        String model = JsonFields.text(event, "model");
        String subtype = JsonFields.text(event, "subtype");
        return "claude " + (subtype == null ? "system" : subtype) + (model == null ? "" : " (model " + model + ")");
    }

    private static List<AgentEvent> assistant(JsonNode content) {
        List<AgentEvent> events = new ArrayList<>();
        for (JsonNode block : content) {
            String blockType = JsonFields.text(block, "type");
            String text = JsonFields.text(block, "text");
            if ("text".equals(blockType) && text != null && !text.isBlank()) {
                events.add(AgentEvent.progress(text, null));
            } else if ("tool_use".equals(blockType)) {
                String name = JsonFields.text(block, "name");
                events.add(AgentEvent.toolUse(name == null ? "tool" : name, JsonFields.command(block.get("input"))));
            }
        }
        return events;
    }

    private static List<AgentEvent> toolErrors(JsonNode content) {
        List<AgentEvent> events = new ArrayList<>();
        for (JsonNode block : content) {
            if ("tool_result".equals(JsonFields.text(block, "type")) && block.path("is_error").asBoolean(false)) {
                JsonNode result = block.get("content");
                events.add(AgentEvent.log("tool error: " + (result != null && result.isTextual() ? result.asText()
                        : String.valueOf(result))));
            }
        }
        return events;
    }

    private static List<AgentEvent> result(ObjectNode event) {
        JsonNode usage = event.get("usage");
        long in = JsonFields.sum(JsonFields.count(usage, "input_tokens"),
                JsonFields.sum(JsonFields.count(usage, "cache_creation_input_tokens"),
                        JsonFields.count(usage, "cache_read_input_tokens")));
        Double usd = JsonFields.amount(event, "total_cost_usd");
        if (usd == null) {
            usd = JsonFields.amount(event, "cost_usd");
        }
        List<AgentEvent> events = new ArrayList<>();
        if (usage != null || usd != null) {
            events.add(AgentEvent.cost(in, JsonFields.count(usage, "output_tokens"), usd));
        }
        String text = JsonFields.text(event, "result");
        boolean failed = event.path("is_error").asBoolean(false)
                || !"success".equals(JsonFields.text(event, "subtype"));
        if (failed) {
            String subtype = JsonFields.text(event, "subtype");
            events.add(AgentEvent.of(AgentEvent.Kind.FAILED, text != null ? text : "claude ended with " + subtype));
        } else {
            events.add(AgentEvent.of(AgentEvent.Kind.COMPLETED, text));
        }
        return events;
    }
}
