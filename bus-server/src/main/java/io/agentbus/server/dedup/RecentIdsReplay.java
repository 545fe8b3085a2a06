package io.agentbus.server.dedup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds {@link RecentIds} while the journal is replayed on start, so a resend after a restart
 * is still recognised. Only message records sequenced within the window of the start time are
 * looked into; room, recipient and offset come from the record, and only the top-level
 * {@code from} and {@code id} are read from its {@code msg} frame (the body is skipped, not
 * decoded). Older records are passed over untouched.
 */
public final class RecentIdsReplay {
    private static final Logger LOG = LoggerFactory.getLogger(RecentIdsReplay.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final RecentIds recentIds;
    private final long nowMs;

    /** @param nowMs the time the server starts at, against which the window is measured */
    public RecentIdsReplay(RecentIds recentIds, long nowMs) {
        this.recentIds = recentIds;
        this.nowMs = nowMs;
    }

    /** Remembers the id of a replayed message still in the window; ignores every other record. */
    public void onRecord(JournalRecord record) {
        if (record instanceof RoomMessage m && recentIds.inWindow(m.ts(), nowMs)) {
            SenderId s = senderId(m.frame());
            if (s != null) {
                recentIds.remember(MessageKey.inRoom(s.from(), m.room(), s.id()), m.offset(), m.ts());
            }
        } else if (record instanceof DirectMessage m && recentIds.inWindow(m.ts(), nowMs)) {
            SenderId s = senderId(m.frame());
            if (s != null) {
                recentIds.remember(MessageKey.direct(s.from(), m.to(), s.id()), m.inboxOffset(), m.ts());
            }
        }
    }

    /** The frame's top-level {@code from} and {@code id}, or {@code null} if it has no id. */
    private static SenderId senderId(byte[] frame) {
        String from = null;
        String id = null;
        try (JsonParser p = JSON.createParser(frame)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME && (from == null || id == null)) {
                String field = p.currentName();
                p.nextToken();
                if ("from".equals(field)) {
                    from = p.getText();
                } else if ("id".equals(field)) {
                    id = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            LOG.warn("journal: a message frame cannot be read for de-duplication ({}); its id is not remembered",
                    e.getMessage());
            return null;
        }
        return from == null || id == null ? null : new SenderId(from, id);
    }

    private record SenderId(String from, String id) {
    }
}
