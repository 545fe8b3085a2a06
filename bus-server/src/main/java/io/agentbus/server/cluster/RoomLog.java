package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.server.decision.Decision;
import io.agentbus.server.room.Membership;
import io.agentbus.server.room.Room;
import io.agentbus.server.session.Session;
import java.util.Map;

/**
 * The seam through which membership and decisions become cluster-wide: in cluster mode the
 * handlers hand a checked request here instead of applying it, and it comes back to them when
 * the room's log applies it (on every node). A single node has none. Sequencer thread only.
 */
public interface RoomLog {
    /** Appends the session's join; the handler admits it when it is applied. */
    void join(Session session, Join join, Room room);

    /** The session left the room here (it is no member here any more): appends its leave. */
    void left(Session session, Room room, Membership membership);

    /** Appends a proposal whose deadline is {@code deadlineAtMs} (0 for none). */
    void propose(Session session, Propose propose, Room room, long deadlineAtMs);

    /** Appends a member's vote, with its weight. */
    void vote(Session session, Vote vote, Room room, int weight);

    /** The decision's deadline passed here: appends its expiry (every node's first one counts). */
    void expire(Decision decision);

    /** The electorate of the room's decisions: each member client of the whole cluster, with its vote weight. */
    Map<String, Integer> weights(Room room);
}
