package io.agentbus.orchestrator.worker.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the agents' JSON: a line as an object, and fields that may be missing or of another type. */
final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFields() {
    }

    /** The line as a JSON object, or {@code null} if it is not exactly one JSON object. */
    static ObjectNode object(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node instanceof ObjectNode o ? o : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The string at {@code field}, or {@code null} if absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The whole number at {@code field}, or {@code -1} if absent or not a non-negative integer. */
    static long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.canConvertToLong() && value.isIntegralNumber() && value.asLong() >= 0
                ? value.asLong() : -1;
    }

    /** The number at {@code field}, or {@code null} if absent or not a non-negative number. */
    static Double amount(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() && value.asDouble() >= 0 ? value.asDouble() : null;
    }

    /** The strings of the array at {@code field} (other elements skipped); empty if absent. */
    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            });
        }
        return out;
    }

    /** Sum of two counts that may be unknown ({@code -1}): unknown only if both are. */
    static long sum(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : a + b;
    }

    /** The command of a tool call: its {@code command} string, else its arguments as compact JSON. */
    static String command(JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return "";
        }
        if (input.isTextual()) {
            return input.asText();
        }
        String command = text(input, "command");
        if (command != null) {
            return command;
        }
        JsonNode array = input.get("command");
        if (array != null && array.isArray()) {
            return String.join(" ", strings(input, "command"));
        }
        return input.toString();
    }
}
