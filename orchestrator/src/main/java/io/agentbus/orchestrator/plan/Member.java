package io.agentbus.orchestrator.plan;

/**
 * One agent of the team.
 *
 * @param id          its id in the plan and in assignments, e.g. {@code coder-2}
 * @param role        coordinator, coder, reviewer, tester, researcher or documenter
 * @param model       the model it runs on
 * @param modelReason why that model
 * @param reason      why the team has it
 */
public record Member(String id, String role, String model, String modelReason, String reason) {
}
