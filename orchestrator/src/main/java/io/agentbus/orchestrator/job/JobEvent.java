package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message of a job's room that the orchestrator acts on: a worker event, a review or a control.
 *
 * @param type   the body's {@code type}
 * @param taskId the body's {@code task_id}, or {@code null}
 * @param worker the body's {@code worker}, else the sender
 * @param from   the sender's client id
 * @param offset its room offset
 * @param ts     when the server sequenced it, epoch ms
 * @param body   the whole body
 */
public record JobEvent(String type, String taskId, String worker, String from, long offset, long ts, JsonNode body) {

    /** A string field of the body, or {@code null}. */
    public String text(String field) {
        JsonNode node = body.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** The first of {@code fields} that is a string field of the body, or {@code null}. */
    public String firstText(String... fields) {
        for (String f : fields) {
            if (text(f) != null) {
                return text(f);
            }
        }
        return null;
    }

    /** A numeric field of the body, or {@code fallback}. */
    public double number(String field, double fallback) {
        JsonNode node = body.get(field);
        return node != null && node.isNumber() ? node.asDouble() : fallback;
    }
}
