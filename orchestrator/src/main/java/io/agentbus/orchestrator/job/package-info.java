/**
 * Driving a job over the bus. {@link io.agentbus.orchestrator.job.Orchestrator} owns one bus
 * connection and one thread: every message of a job's room and every timer runs on that thread,
 * so a {@link io.agentbus.orchestrator.job.Job}'s state needs no locks. A job publishes its plan and
 * one {@code task} per subtask, then reacts to the workers' events: review rounds
 * ({@link io.agentbus.orchestrator.job.ReviewDesk}, decided by {@link
 * io.agentbus.orchestrator.job.ReviewRule}), room decisions for architecture questions, the cost
 * {@link io.agentbus.orchestrator.job.Budget}, child jobs in child rooms for tasks too complex
 * (down to a maximum depth), webhook notifications, and at its end the final report.
 *
 * <p>Every step is a room message (see PROTOCOL.md, "Orchestration messages"), so anyone in the
 * room sees what the orchestrator sees and does. A message the orchestrator cannot use (not an
 * object, unknown task, bad field) is answered with a {@code rejected} message and otherwise
 * ignored: nothing a room member publishes can stop the orchestrator.
 */
package io.agentbus.orchestrator.job;
