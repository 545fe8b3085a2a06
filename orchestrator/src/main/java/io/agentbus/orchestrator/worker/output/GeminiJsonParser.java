package io.agentbus.orchestrator.worker.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Gemini CLI's JSON. {@code --output-format json} prints one document at the end, usually
 * pretty-printed over many lines: {@code {"response":…,"stats":{"models":{M:{"tokens":{"prompt":…,
 * "candidates":…}}}},"error":{…}}}; lines from a line that opens an object are held until the
 * document is complete. {@code --output-format stream-json} lines ({@code init}, {@code message},
 * {@code tool_use}, {@code tool_result}, {@code error}, {@code result}) are read one by one;
 * assistant message chunks are joined into one progress event. Gemini reports tokens, not dollars.
 */
final class GeminiJsonParser implements OutputParser {
    /** A held document longer than this is given up: its lines become logs. */
    static final int MAX_HELD_LINES = 10_000;

    private final List<String> held = new ArrayList<>();
    private final StringBuilder message = new StringBuilder();

    @Override
    public List<AgentEvent> line(String line) {
        if (!held.isEmpty()) {
            return hold(line);
        }
        if (line.isBlank()) {
            return List.of();
        }
        ObjectNode event = JsonFields.object(line);
        if (event == null) {
            return line.strip().startsWith("{") ? hold(line) : withMessage(List.of(AgentEvent.log(line)));
        }
        String type = JsonFields.text(event, "type");
        if (type == null) {
            return withMessage(document(event));
        }
        if ("message".equals(type)) {
            return chunk(event);
        }
        return withMessage(streamEvent(type, event, line));
    }

    @Override
    public List<AgentEvent> end() {
        List<AgentEvent> events = new ArrayList<>(flushMessage());
        held.forEach(l -> events.add(AgentEvent.log(l)));
        held.clear();
        return events;
    }

    private List<AgentEvent> hold(String line) {
        held.add(line);
        if (line.equals("}") || line.equals("}\r")) {
            ObjectNode document = JsonFields.object(String.join("\n", held));
            if (document != null) {
                held.clear();
                return withMessage(document(document));
            }
        }
        if (held.size() >= MAX_HELD_LINES) {
            return end();
        }
        return List.of();
    }

    private List<AgentEvent> chunk(ObjectNode event) {
        String content = JsonFields.text(event, "content");
        if (!"assistant".equals(JsonFields.text(event, "role")) || content == null) {
            return flushMessage();
        }
        message.append(content);
        return event.path("delta").asBoolean(false) ? List.of() : flushMessage();
    }

    private List<AgentEvent> withMessage(List<AgentEvent> events) {
        if (message.length() == 0) {
            return events;
        }
        List<AgentEvent> all = new ArrayList<>(flushMessage());
        all.addAll(events);
        return all;
    }

    private List<AgentEvent> flushMessage() {
        if (message.toString().isBlank()) {
            message.setLength(0);
            return List.of();
        }
        AgentEvent said = AgentEvent.progress(message.toString(), null);
        message.setLength(0);
        return List.of(said);
    }

    private static List<AgentEvent> streamEvent(String type, ObjectNode event, String line) {
        return switch (type) {
            case "init" -> List.of(AgentEvent.log("gemini session (model " + JsonFields.text(event, "model") + ")"));
            case "tool_use" -> List.of(AgentEvent.toolUse(String.valueOf(JsonFields.text(event, "tool_name")),
                    JsonFields.command(event.get("parameters"))));
            case "tool_result" -> "error".equals(JsonFields.text(event, "status"))
                    ? List.of(AgentEvent.log("tool error: " + event.path("error").path("message").asText(line)))
                    : List.of();
            case "error" -> List.of(AgentEvent.log("gemini: " + JsonFields.text(event, "message")));
            case "result" -> result(event);
            default -> List.of(AgentEvent.log(line));
        };
    }

    private static List<AgentEvent> result(ObjectNode event) {
        JsonNode stats = event.get("stats");
        List<AgentEvent> events = new ArrayList<>();
        events.add(AgentEvent.cost(JsonFields.count(stats, "input_tokens"), JsonFields.count(stats, "output_tokens"),
                null));
        if ("success".equals(JsonFields.text(event, "status"))) {
            events.add(AgentEvent.of(AgentEvent.Kind.COMPLETED, null));
        } else {
            String message = event.path("error").path("message").asText("gemini ended with status "
                    + JsonFields.text(event, "status"));
            events.add(AgentEvent.of(AgentEvent.Kind.FAILED, message));
        }
        return events;
    }

    /** The single document of {@code --output-format json}. */
    private static List<AgentEvent> document(ObjectNode document) {
        List<AgentEvent> events = new ArrayList<>();
        JsonNode stats = document.get("stats");
        if (stats != null) {
            events.add(tokens(stats.path("models")));
        }
        JsonNode error = document.get("error");
        if (error != null && !error.isNull()) {
            String message = JsonFields.text(error, "message");
            events.add(AgentEvent.of(AgentEvent.Kind.FAILED, message != null ? message : error.toString()));
        } else if (document.has("response")) {
            events.add(AgentEvent.of(AgentEvent.Kind.COMPLETED, JsonFields.text(document, "response")));
        } else if (stats == null) {
            events.add(AgentEvent.log(document.toString()));
        }
        return events;
    }

    /** Tokens summed over the models: {@code prompt} in, {@code candidates} out. */
    private static AgentEvent tokens(JsonNode models) {
        long in = -1;
        long out = -1;
        for (Iterator<JsonNode> it = models.elements(); it.hasNext(); ) {
            JsonNode tokens = it.next().path("tokens");
            in = JsonFields.sum(in, JsonFields.count(tokens, "prompt"));
            out = JsonFields.sum(out, JsonFields.count(tokens, "candidates"));
        }
        return AgentEvent.cost(in, out, null);
    }
}
