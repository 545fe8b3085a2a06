/**
 * The scenarios: who connects, which room each connection joins, who publishes at which rate,
 * and how a run unfolds in time.
 *
 * <p>A {@link io.agentbus.loadtest.scenario.LoadPlan} lists the connections of a fan-out, rooms,
 * direct-message or connect-storm run. The {@link io.agentbus.loadtest.scenario.Harness} opens
 * them (bounded concurrency, optional connection rate) as {@link io.agentbus.loadtest.scenario.Member}s
 * pinned round-robin to the event loops, then runs {@link io.agentbus.loadtest.scenario.Phase}s:
 * each gives every publisher an {@link io.agentbus.loadtest.scenario.OpenLoopSchedule} — intended
 * send instants start + (i + phase) / rate, fixed in advance — and a one-shot
 * {@link io.agentbus.loadtest.scenario.PublishTicker} on each loop, rescheduled for the next due
 * instant, sends whatever has come due, stamped with its intended instant, never waiting for acks;
 * how late it wrote each message is recorded as the send lag. When sending ends the phase waits
 * until every expected delivery (of the publishes the server did not refuse) arrived or the drain
 * timeout passed, then counts the lost ones.
 */
package io.agentbus.loadtest.scenario;
