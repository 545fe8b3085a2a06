package io.agentbus.orchestrator.worker.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A control message, {@code {"type":"pause"|"resume"|"stop","task_id":…,"worker":…}}: both
 * fields optional, each narrowing who obeys (none: every worker, every task).
 */
public record Control(Action action, String taskId, String worker) {
    /** What to do. */
    public enum Action { PAUSE, RESUME, STOP }

    /** Whether the worker named {@code name} obeys. */
    public boolean isFor(String name) {
        return worker == null || worker.equals(name);
    }

    /** Whether it is about task {@code id} ({@code true} for every task when it names none). */
    public boolean concerns(String id) {
        return taskId == null || taskId.equals(id);
    }

    /** Reads a control body; {@code type} is {@code pause}, {@code resume} or {@code stop}. */
    static Control parse(String type, JsonNode body) throws BadMessageException {
        Action action = Action.valueOf(type.toUpperCase(Locale.ROOT));
        String what = type + " message";
        JsonNode id = body.get("task_id");
        String taskId = id != null && id.isIntegralNumber() ? id.asText()
                : Fields.optional(body, "task_id", what, null);
        return new Control(action, taskId, Fields.optional(body, "worker", what, taskId));
    }
}
