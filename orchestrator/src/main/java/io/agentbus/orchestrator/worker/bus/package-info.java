/**
 * The worker's side of the bus vocabulary: what it reads (a {@code task} assignment, a
 * {@code pause}/{@code resume}/{@code stop} control, each body checked field by field, anything
 * else ignored) and what it publishes (the worker events, each at its priority: blockers,
 * failures and completions {@code high}, progress {@code normal}, logs and heartbeats
 * {@code low}). The vocabulary is shared with the orchestrator through PROTOCOL.md, "Worker
 * events"; nothing else couples the two.
 */
package io.agentbus.orchestrator.worker.bus;
