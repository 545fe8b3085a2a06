/**
 * The load harness (filled by the measurement issue).
 *
 * <p>This module builds as part of the reactor so that the layout of DESIGN.md holds from the
 * first commit; its own issue fills it.
 */
package io.agentbus.loadtest;
