/**
 * The planner and the worker runner, thin clients of the bus (filled by their issues).
 *
 * <p>This module builds as part of the reactor so that the layout of DESIGN.md holds from the
 * first commit; its own issue fills it.
 */
package io.agentbus.orchestrator;
