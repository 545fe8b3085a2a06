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

    /**
     * A session of {@code node} joined. {@code order} places it among the room's members on every node
     * alike, the snapshot's too ({@link ClusterMembers}): the joining node's clock in microseconds,
     * made unique there; 0 for a join that has none.
     */
    record Joined(String node, long seq, String session, String client, String role, int weight, long order)
            implements RoomEvent {
        Joined(String node, long seq, String session, String client, String role, int weight) {
            this(node, seq, session, client, role, weight, 0);
        }

        String key() {
            return node + "/" + session;
        }

        Joined withOrder(long order) {
            return new Joined(node, seq, session, client, role, weight, order);
        }
    }

    /**
     * The member {@code key} left (or its connection closed, or its node died). Stored in the room's
     * members hash too, where {@code order} (its join's) keeps the members' order for a snapshot.
     */
    record Left(String key, String client, String role, int weight, long order) implements RoomEvent {
        Left(String key, String client, String role, int weight) {
            this(key, client, role, weight, 0);
        }

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
