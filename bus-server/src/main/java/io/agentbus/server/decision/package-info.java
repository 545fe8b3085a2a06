/**
 * Decisions and votes: {@link io.agentbus.server.decision.Tally} holds the four counting rules
 * (majority, consensus, quorum, weighted), the handler journals every proposal, vote and final
 * status so decisions survive restarts. Sequencer thread only.
 */
package io.agentbus.server.decision;
