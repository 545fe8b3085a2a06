/**
 * The planner/orchestrator and the worker runner: thin clients of the bus that publish plans,
 * assignments and agent events into rooms. They meet only through the bus.
 */
package io.agentbus.orchestrator;
