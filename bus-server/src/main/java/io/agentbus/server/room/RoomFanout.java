package io.agentbus.server.room;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.session.Session;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Offers one encoded frame to every member of a room: each member's queue gets a reference to
 * the same buffer, so a frame is encoded once however many receive it.
 */
public final class RoomFanout {
    private final FrameEncoder encoder;

    public RoomFanout(FrameEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Offers a room message at its priority to every member ({@code publisher} is skipped when it
     * joined without echo) and counts the copies queued. The caller keeps its own reference to
     * {@code frame}, made by {@link FrameEncoder#wrapSequenced}.
     */
    public void message(Room room, ByteBuf frame, Priority priority, long offset, Session publisher) {
        List<Membership> members = room.members();
        int queued = 0;
        for (int i = 0; i < members.size(); i++) {
            Membership m = members.get(i);
            if (m.session() == publisher && !m.echo()) {
                continue;
            }
            if (offer(m.session(), frame.retain(), priority, room.id(), offset)) {
                queued++;
            }
        }
        room.countOut(queued);
    }

    /** Queues a notice (presence, decision) for every member but {@code except}. */
    public void notice(Room room, ServerFrame notice, Session except) {
        ByteBuf frame = encoder.encode(notice);
        List<Membership> members = room.members();
        for (int i = 0; i < members.size(); i++) {
            Session s = members.get(i).session();
            if (s != except) {
                s.queueControl(frame.retain());
            }
        }
        frame.release();
    }

    private boolean offer(Session session, ByteBuf frame, Priority priority, String room, long offset) {
        if (session.delivery().offer(priority, frame)) {
            session.delivery().signal();
            return true;
        }
        frame.release();
        overflow(session, priority, room, offset);
        return false;
    }

    /** Low and normal messages are dropped (and the client told); high and critical ones close 4008. */
    private void overflow(Session session, Priority priority, String room, long offset) {
        if (priority == Priority.LOW || priority == Priority.NORMAL) {
            session.delivery().recordDrop(room, offset);
        } else {
            session.close(Session.CLOSE_SLOW_CONSUMER, "slow consumer");
        }
    }
}
