/**
 * Agent templates: how to run each agent CLI (command line with placeholders, how the prompt is
 * passed, output format, permission recoveries, prices for estimating dollars), read from the
 * built-in {@code agents.json} and an optional override file, plus the list of forbidden
 * operations from the same file. Configuration, not code: a new agent, flag or error pattern is
 * a JSON edit ({@link io.agentbus.orchestrator.worker.agent.AgentConfig}).
 * {@link io.agentbus.orchestrator.worker.agent.AgentInvocation} expands a template into one
 * command line for one task.
 */
package io.agentbus.orchestrator.worker.agent;
