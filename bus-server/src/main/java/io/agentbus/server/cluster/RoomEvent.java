package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.VoteChoice;

/**
 * What a room's log holds besides messages: membership changes and decisions, applied by every
 * node in the log's order. A member is named by its key {@code NODE/SESSION}: the node it is
 * connected to and its session there.
 */
sealed interface RoomEvent {
    /** The node that appended it and the number it gave the request there, to answer it when applied; 0 for none. */
    default long seq() {
        return 0;
    }

    /** The node that appended it. */
    String node();

    /** A session of {@code node} joined. */
    record Joined(String node, long seq, String session, String client, String role, int weight) implements RoomEvent {
        String key() {
            return node + "/" + session;
        }
    }

    /** The member {@code key} left (or its connection closed, or its node died). */
    record Left(String key, String client, String role, int weight) implements RoomEvent {
        @Override
        public String node() {
            return key.substring(0, key.indexOf('/'));
        }
    }

    /** {@code client} proposed a decision; its id is the number the log gave it ({@code d-N}). */
    record Proposed(String node, long seq, String client, String title, DecisionRule rule, int quorum,
                    long deadlineAtMs) implements RoomEvent {
    }

    /** {@code client} voted on a decision with its weight. */
    record Voted(String node, long seq, String client, String decision, VoteChoice choice, int weight)
            implements RoomEvent {
    }

    /** A decision's deadline passed (as {@code node} saw it first). */
    record Expired(String node, String decision) implements RoomEvent {
    }
}
