package io.agentbus.orchestrator.plan;

/**
 * One subtask given to one member.
 *
 * @param taskId   {@code task-1}, {@code task-2}, … in subtask order
 * @param title    the subtask
 * @param role     the role that owns it
 * @param assignee the member id
 * @param reason   why that role
 */
public record Assignment(String taskId, String title, String role, String assignee, String reason) {
}
