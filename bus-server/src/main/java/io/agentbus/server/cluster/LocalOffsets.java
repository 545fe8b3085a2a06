package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.Pub;
import io.agentbus.server.room.Room;
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.session.Session;

/** A single node: the room's next offset is the one after its last, assigned at once. */
public final class LocalOffsets implements OffsetAuthority {
    public static final LocalOffsets INSTANCE = new LocalOffsets();

    private LocalOffsets() {
    }

    @Override
    public long next(Room room, Reply reply, Session publisher, String from, Pub pub, String sha256, long ts,
                     long receivedNs) {
        return room.lastOffset() + 1;
    }
}
