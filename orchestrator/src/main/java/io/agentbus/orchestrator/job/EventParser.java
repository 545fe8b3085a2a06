package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.ReceivedMessage;
import java.util.Set;

/**
 * Reads a room message as a {@link JobEvent}. Messages whose body is not an object with a known
 * {@code type} are not for the orchestrator ({@code null}: chat, other tools); a known type with a
 * missing or malformed field is a {@link BadEventException} that names the field.
 */
final class EventParser {
    static final Set<String> WORKER_EVENTS = Set.of("started", "progress", "milestone", "blocker", "review_request",
            "cost", "heartbeat", "completed", "failed", "log", "recovery", "ready");
    static final Set<String> CONTROLS = Set.of("pause", "resume", "stop");
    static final Set<String> VERDICTS = Set.of("approve", "concern", "blocker");
    private static final Set<String> TASK_OPTIONAL = Set.of("heartbeat", "log", "recovery", "ready", "pause", "resume",
            "stop");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventParser() {
    }

    static JobEvent parse(ReceivedMessage msg) throws BadEventException {
        JsonNode body = body(msg.bodyJson());
        if (body == null || !body.isObject() || !body.path("type").isTextual()) {
            return null;
        }
        String type = body.get("type").asText();
        if (!WORKER_EVENTS.contains(type) && !CONTROLS.contains(type) && !type.equals("review")) {
            return null;
        }
        String taskId = optionalText(body, "task_id", type);
        if (taskId == null && !TASK_OPTIONAL.contains(type)) {
            throw new BadEventException("'" + type + "' needs a string field 'task_id'");
        }
        String worker = optionalText(body, "worker", type);
        checkFields(type, body);
        return new JobEvent(type, taskId, worker != null ? worker : msg.from(), msg.from(), msg.offset(), msg.ts(),
                body);
    }

    private static void checkFields(String type, JsonNode body) throws BadEventException {
        switch (type) {
            case "cost" -> {
                JsonNode usd = body.get("usd");
                if (usd == null || !usd.isNumber() || !Double.isFinite(usd.asDouble()) || usd.asDouble() < 0) {
                    throw new BadEventException("'cost' needs a number 'usd' >= 0");
                }
                wholeNumber(body, "tokens_in");
                wholeNumber(body, "tokens_out");
            }
            case "review" -> {
                String verdict = optionalText(body, "verdict", type);
                if (verdict == null || !VERDICTS.contains(verdict)) {
                    throw new BadEventException("'review' needs a 'verdict' of approve, concern or blocker");
                }
                optionalText(body, "round", type);
                text(body, "reason", type);
            }
            case "blocker", "failed" -> text(body, "reason", type);
            case "ready" -> {
                optionalText(body, "role", type);
                wholeNumber(body, "joined_offset");
            }
            default -> {
            }
        }
    }

    private static void wholeNumber(JsonNode body, String field) throws BadEventException {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && (!node.canConvertToLong() || !node.isIntegralNumber()
                || node.asLong() < 0)) {
            throw new BadEventException("'" + field + "' must be a whole number >= 0");
        }
    }

    private static String optionalText(JsonNode body, String field, String type) throws BadEventException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new BadEventException("'" + type + "': field '" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    /** A free-text field: absent, null or any string (also empty). */
    private static void text(JsonNode body, String field, String type) throws BadEventException {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && !node.isTextual()) {
            throw new BadEventException("'" + type + "': field '" + field + "' must be a string");
        }
    }

    private static JsonNode body(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
