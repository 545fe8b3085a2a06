package io.agentbus.orchestrator.worker.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.ReceivedMessage;

/**
 * What a room message is to a worker: an {@link Assignment}, a {@link Control}, or nothing (any
 * other message: chat, plans, other workers' events, a body that is not a JSON object with a
 * string {@code type}). Bodies of the types the worker obeys are checked field by field.
 */
public final class Inbound {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Inbound() {
    }

    private static Control forWorker(Control control, String worker) {
        return control.isFor(worker) ? control : null;
    }

    /**
     * The assignment for worker {@code worker} of role {@code role}, or the control it obeys, in
     * {@code message}; {@code null} if there is neither.
     *
     * @throws BadMessageException if it is a {@code task} that may be for this worker, or a
     *                             {@code pause}, {@code resume} or {@code stop}, whose body is wrong
     */
    public static Object read(ReceivedMessage message, String worker, String role) throws BadMessageException {
        JsonNode body;
        try {
            body = JSON.readTree(message.bodyJson());
        } catch (JsonProcessingException e) {
            return null;
        }
        JsonNode type = body == null ? null : body.get("type");
        if (type == null || !type.isTextual()) {
            return null;
        }
        return switch (type.asText()) {
            case "task" -> Assignment.parseIfFor(body, message.offset(), worker, role);
            case "pause", "resume", "stop" -> forWorker(Control.parse(type.asText(), body), worker);
            default -> null;
        };
    }
}
