package io.agentbus.server.dedup;

import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds {@link RecentIds} while the journal is replayed on start, so a resend after a restart
 * is still recognised. Only message records sequenced within the window of the start time are
 * parsed (their {@code msg} frame holds sender and id); older ones are passed over untouched.
 */
public final class RecentIdsReplay {
    private static final Logger LOG = LoggerFactory.getLogger(RecentIdsReplay.class);

    private final RecentIds recentIds;
    private final long nowMs;
    private final FrameReader reader = new FrameReader();

    /** @param nowMs the time the server starts at, against which the window is measured */
    public RecentIdsReplay(RecentIds recentIds, long nowMs) {
        this.recentIds = recentIds;
        this.nowMs = nowMs;
    }

    /** Remembers the id of a replayed message still in the window; ignores every other record. */
    public void onRecord(JournalRecord record) {
        if (record instanceof RoomMessage m) {
            rememberIfRecent(m.frame(), m.ts());
        } else if (record instanceof DirectMessage m) {
            rememberIfRecent(m.frame(), m.ts());
        }
    }

    private void rememberIfRecent(byte[] frame, long tsMs) {
        if (!recentIds.inWindow(tsMs, nowMs)) {
            return;
        }
        Msg msg = read(frame);
        if (msg != null && msg.id() != null) {
            recentIds.remember(new MessageKey(msg.from(), msg.room(), msg.to(), msg.id()), msg.offset(), tsMs);
        }
    }

    private Msg read(byte[] frame) {
        try {
            ServerFrame parsed = reader.readServer(frame, 0, frame.length);
            return parsed instanceof Msg msg ? msg : null;
        } catch (ProtocolException e) {
            LOG.warn("journal: a message frame cannot be read for de-duplication ({}); its id is not remembered",
                    e.getMessage());
            return null;
        }
    }
}
