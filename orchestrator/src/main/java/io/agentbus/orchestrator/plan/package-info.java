/**
 * The planner: task text (plus facts measured from a repository) → {@link
 * io.agentbus.orchestrator.plan.TaskAnalysis} (files, LOC, complexity, parallelisability, context
 * size, subtasks, dependency depth, hours) → {@link io.agentbus.orchestrator.plan.Strategy} →
 * {@link io.agentbus.orchestrator.plan.Team} (roles, a model per role, planning mode) → {@link
 * io.agentbus.orchestrator.plan.CostEstimate} → {@link io.agentbus.orchestrator.plan.Plan}, each
 * choice with a one-line reason. Pure functions of the text, the repository and the
 * configuration: no bus, no clock, so {@code agentbus plan} is repeatable and the table-driven
 * tests pin every boundary.
 */
package io.agentbus.orchestrator.plan;
