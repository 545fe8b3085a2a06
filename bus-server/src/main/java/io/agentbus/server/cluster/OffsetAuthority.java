package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.Pub;
import io.agentbus.server.room.Room;
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.session.Session;

/** Who gives a room message its offset: this node ({@link LocalOffsets}) or the cluster's Redis. Sequencer thread only. */
public interface OffsetAuthority {
    /** {@link #next} returns this when the offset comes later, through the sequencer's queue. */
    long LATER = -1;

    /**
     * The offset of a new message in {@code room}, or {@link #LATER}: then the authority takes the
     * message over and sees to its acknowledgement (or error) and delivery itself.
     *
     * @param publisher  the publishing session, or {@code null} for REST
     * @param sha256     the artifact the message announces, or {@code null}
     * @param ts         the message's timestamp
     * @param receivedNs when the {@code pub} was decoded, or {@code PublishHandler.NOT_TIMED}
     */
    long next(Room room, Reply reply, Session publisher, String from, Pub pub, String sha256, long ts, long receivedNs);
}
