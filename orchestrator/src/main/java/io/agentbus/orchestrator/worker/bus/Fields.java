package io.agentbus.orchestrator.worker.bus;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the fields of a message body, with faults that name the field. */
final class Fields {
    private Fields() {
    }

    /** The non-empty string at {@code field}. */
    static String required(JsonNode body, String field, String what, String taskId) throws BadMessageException {
        String value = optional(body, field, what, taskId);
        if (value == null) {
            throw new BadMessageException(what + " without '" + field + "'", taskId);
        }
        return value;
    }

    /** The non-empty string at {@code field}, or {@code null} when absent or JSON null. */
    static String optional(JsonNode body, String field, String what, String taskId) throws BadMessageException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadMessageException(what + " with '" + field + "' that is not a non-empty string: " + value,
                    taskId);
        }
        return value.asText();
    }
}
