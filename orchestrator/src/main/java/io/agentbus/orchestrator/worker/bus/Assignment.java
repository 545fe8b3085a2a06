package io.agentbus.orchestrator.worker.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A {@code task} message: {@code {"type":"task","task_id":…,"role":…,"assignee":…,"title":…,
 * "prompt":…,"job":…}}. {@code assignee} and {@code title} are optional; {@code job} defaults to
 * {@value #DEFAULT_JOB}.
 *
 * @param offset the room offset of the message
 */
public record Assignment(String taskId, String role, String assignee, String title, String prompt, String job,
                         long offset) {
    public static final String DEFAULT_JOB = "default";
    private static final String WHAT = "task";

    public Assignment {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(job, "job");
    }

    /**
     * Reads a task body (its {@code type} was checked by the caller) if it is for worker
     * {@code worker} of role {@code workerRole}; {@code null} if it is for another worker, in
     * which case the rest of it is not checked.
     */
    static Assignment parseIfFor(JsonNode body, long offset, String worker, String workerRole)
            throws BadMessageException {
        String taskId = readableTaskId(body);
        String role = Fields.optional(body, "role", WHAT, taskId);
        String assignee = Fields.optional(body, "assignee", WHAT, taskId);
        if (role == null && assignee == null) {
            throw new BadMessageException("task without 'role' or 'assignee'", taskId);
        }
        if (assignee != null ? !assignee.equals(worker) : !role.equals(workerRole)) {
            return null;
        }
        if (taskId == null) {
            throw new BadMessageException("task without a string or integer 'task_id'", null);
        }
        String job = Fields.optional(body, "job", WHAT, taskId);
        return new Assignment(taskId, role, assignee, Fields.optional(body, "title", WHAT, taskId),
                Fields.required(body, "prompt", WHAT, taskId), job == null ? DEFAULT_JOB : job, offset);
    }

    /** The task id (a string, or an integer written as one), or {@code null} if missing or of another type. */
    private static String readableTaskId(JsonNode body) {
        JsonNode value = body.get("task_id");
        if (value != null && value.isIntegralNumber()) {
            return value.asText();
        }
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
