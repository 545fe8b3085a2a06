package io.agentbus.server.room;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.server.cluster.RoomLog;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.MemberJoined;
import io.agentbus.server.metrics.BusMetrics;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Join (with replay from {@code since}), leave and disconnect, with presence notices. A system room
 * is joined like any other but not created by a join, and its membership is not journaled.
 */
public final class MembershipHandler {
    private final BusState state;
    private final Journal journal;
    private final FrameEncoder encoder;
    private final RoomFanout fanout;
    private final BusMetrics metrics;
    private final int maxRoomsPerConnection;
    private final int maxMembersPerRoom;
    private RoomLog log;

    public MembershipHandler(BusState state, Journal journal, FrameEncoder encoder, RoomFanout fanout,
                             BusMetrics metrics, int maxRoomsPerConnection, int maxMembersPerRoom) {
        this.maxRoomsPerConnection = maxRoomsPerConnection;
        this.maxMembersPerRoom = maxMembersPerRoom;
        this.state = state;
        this.journal = journal;
        this.encoder = encoder;
        this.fanout = fanout;
        this.metrics = metrics;
    }

    /** In cluster mode: joins and leaves go through the rooms' logs, and joins are admitted when applied. */
    public void log(RoomLog log) {
        this.log = log;
    }

    /**
     * Makes the session a member (in cluster mode once its join is applied), answers with the last offset and the members, then queues the
     * replay of every message after {@code since}. Anything published later is offered to the
     * live lanes, which drain after the replay lane: nothing is lost or doubled at the seam.
     */
    public void join(Session session, Join join) {
        if (!session.channel().isActive()) {
            return;
        }
        String overLimit = overLimit(session, join.room());
        if (overLimit != null) {
            session.send(new ErrorFrame(join.rid(), ErrorCode.OVERLOADED, overLimit));
            return;
        }
        Room room = Ids.isSystem(join.room()) ? state.room(join.room()) : state.roomOrCreate(join.room());
        if (room == null) {
            session.send(new ErrorFrame(join.rid(), ErrorCode.NOT_FOUND, "there is no system room '" + join.room()
                    + "'"));
            return;
        }
        if (log != null && !room.isSystem()) {
            log.join(session, join, room);
            return;
        }
        admit(session, join, room, null, null, null);
    }

    /**
     * Admits a session whose join is checked (and, in cluster mode, applied): journals and
     * answers it ({@code epoch} and {@code recovered} only in cluster mode, else {@code null}),
     * queues the replay and tells the room's other members here.
     *
     * @param members the cluster's members of the room, or {@code null}: this node's, the joiner included
     */
    public void admit(Session session, Join join, Room room, List<Member> members, String epoch, Boolean recovered) {
        if (!room.isSystem()) {
            MemberJoined record = new MemberJoined(room.id(), session.clientId(), join.role(), join.weight());
            state.apply(record, journal.append(record));
        }
        metrics.joined();
        boolean isNew = room.join(new Membership(session, join.role(), join.weight(), join.echo()));
        if (isNew) {
            session.joinedRooms().add(room.id());
        }
        session.send(new Ok(join.rid(), room.id(), room.lastOffset(), members == null ? members(room) : members,
                null, null, false, epoch, recovered));
        if (join.since() != Join.NO_SINCE) {
            replay(session, room, join.since());
        }
        fanout.notice(room, new Presence(room.id(), session.clientId(), join.role(), Presence.Event.JOINED),
                session);
    }

    /** Why this session may not join this room now, or {@code null}; joining a room again is always allowed. */
    private String overLimit(Session session, String roomId) {
        List<String> joined = session.joinedRooms();
        if (joined.contains(roomId)) {
            return null;
        }
        if (joined.size() >= maxRoomsPerConnection) {
            return "this connection is in " + joined.size() + " rooms, the most one connection may join"
                    + " (max.rooms.per.connection): leave one first";
        }
        Room room = state.room(roomId);
        if (room != null && room.members().size() >= maxMembersPerRoom) {
            return "room '" + roomId + "' has " + room.members().size() + " members, the most a room may have"
                    + " (max.members.per.room)";
        }
        return null;
    }

    public void leave(Session session, Leave leave) {
        Room room = state.room(leave.room());
        Membership left = room == null ? null : room.leave(session);
        if (left == null) {
            session.send(new ErrorFrame(leave.rid(), ErrorCode.NOT_FOUND,
                    "not a member of room '" + leave.room() + "'"));
            return;
        }
        session.joinedRooms().remove(room.id());
        session.send(new Ok(leave.rid(), room.id(), Ok.NO_OFFSET, null, null, null));
        left(session, room, left);
    }

    /** Tells the room's members of a member that left here, or (cluster mode) appends its leave. */
    private void left(Session session, Room room, Membership left) {
        if (log != null && !room.isSystem()) {
            log.left(session, room, left);
        } else {
            fanout.notice(room, new Presence(room.id(), session.clientId(), left.role(), Presence.Event.LEFT), null);
        }
    }

    /** Tells this node's members of the room (but {@code except}) of a presence change the room's log applied. */
    public void announce(Room room, Presence presence, Session except) {
        fanout.notice(room, presence, except);
    }

    /** A closed connection leaves every room it was in. */
    public void disconnect(Session session) {
        List<String> rooms = session.joinedRooms();
        for (int i = 0; i < rooms.size(); i++) {
            Room room = state.room(rooms.get(i));
            Membership left = room.leave(session);
            if (left != null) {
                left(session, room, left);
            }
        }
        rooms.clear();
    }

    /**
     * Replays the messages after {@code since}; when retention already removed some of them, a
     * {@code dropped} notice with reason {@code retention} names that range first.
     */
    private void replay(Session session, Room room, long since) {
        long first = room.firstOffset();
        if (since + 1 < first && !room.isSystem()) { // a system room's window moves on without notice
            session.send(new Dropped(room.id(), since + 1, first - 1, Dropped.RETENTION));
        }
        for (long offset = Math.max(since, first - 1) + 1; offset <= room.lastOffset(); offset++) {
            byte[] frame = room.frameAt(journal, offset);
            if (frame != null) {
                session.delivery().offerReplay(encoder.wrap(frame));
            }
        }
        session.delivery().signal();
    }

    private static List<Member> members(Room room) {
        List<Member> members = new ArrayList<>(room.members().size());
        for (Membership m : room.members()) {
            members.add(new Member(m.session().clientId(), m.role()));
        }
        return members;
    }
}
