/**
 * The agents' output formats, read line by line into {@link io.agentbus.orchestrator.worker.output.AgentEvent}s:
 * Claude Code's stream-json, Codex's {@code exec --json} events, Gemini CLI's JSON (the single
 * document of {@code --output-format json} and the stream-json lines) and agentbus's own generic
 * JSON lines. A parser never throws on what an agent prints: whatever it cannot read is a
 * {@code LOG} event, so a misbehaving agent cannot bring the worker down. Parsers know nothing of
 * the bus; the worker maps their events to bus events.
 */
package io.agentbus.orchestrator.worker.output;
