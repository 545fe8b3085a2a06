/**
 * The worker runner, {@code agentbus worker}: joins a room, takes the {@code task} assignments
 * addressed to its role or name, runs an agent CLI for each in a workspace of its own, and
 * publishes what the agent does as worker events (README, "Worker events"; PROTOCOL.md, "Worker
 * events"). Sub-packages by concept: {@code agent} (templates, from a JSON config),
 * {@code output} (one parser per output format), {@code process} (the agent's process group),
 * {@code rules} (limits, forbidden operations, permission recovery, cost), {@code workspace}
 * (one directory or git worktree per task, files changed), {@code bus} (message bodies in and
 * out), {@code run} (one task from first attempt to final event) and {@code cli} (the command).
 */
package io.agentbus.orchestrator.worker;
