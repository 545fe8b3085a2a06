package io.agentbus.server.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.codec.FrameWriter;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.InboxCursor;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecentIdsReplayTest {
    private static final long WINDOW_MS = 1_000;
    private static final long NOW_MS = 10_000;

    private final FrameWriter writer = new FrameWriter();
    private final RecentIds ids = new RecentIds(WINDOW_MS, 1_000);
    private final RecentIdsReplay replay = new RecentIdsReplay(ids, NOW_MS);

    @Test
    void shouldRememberRoomAndDirectMessagesInTheWindow() {
        replay.onRecord(roomMessage(3, NOW_MS - WINDOW_MS + 1, "m-1"));
        replay.onRecord(directMessage(5, NOW_MS, "d-1"));

        assertEquals(3, ids.offsetOf(MessageKey.inRoom("alice", "build-42", "m-1"), NOW_MS));
        assertEquals(5, ids.offsetOf(MessageKey.direct("alice", "bob", "d-1"), NOW_MS));
    }

    @Test
    void shouldPassOverMessagesOlderThanTheWindow() {
        replay.onRecord(roomMessage(3, NOW_MS - WINDOW_MS, "m-1"));
        byte[] unreadable = "not even JSON".getBytes(StandardCharsets.UTF_8);
        replay.onRecord(new DirectMessage("bob", 5, NOW_MS - WINDOW_MS, unreadable));

        assertEquals(0, ids.size());
    }

    @Test
    void shouldIgnoreMessagesWithoutIdAndOtherRecords() {
        replay.onRecord(roomMessage(3, NOW_MS, null));
        replay.onRecord(new InboxCursor("bob", 4));

        assertEquals(0, ids.size());
    }

    @Test
    void shouldSkipAFrameThatCannotBeRead() {
        replay.onRecord(new RoomMessage("build-42", 3, NOW_MS, "{".getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, ids.size());
    }

    @Test
    void shouldRememberNothingWhenDeduplicationIsOff() {
        RecentIds off = new RecentIds(0, 1_000);

        new RecentIdsReplay(off, NOW_MS).onRecord(roomMessage(3, NOW_MS, "m-1"));

        assertEquals(0, off.size());
    }

    private RoomMessage roomMessage(long offset, long ts, String id) {
        Msg msg = new Msg("build-42", null, offset, "alice", "main", "message", Priority.NORMAL, ts, JsonValue.NULL, id);
        return new RoomMessage("build-42", offset, ts, writer.toBytes(msg));
    }

    private DirectMessage directMessage(long offset, long ts, String id) {
        Msg msg = new Msg(null, "bob", offset, "alice", "main", "message", Priority.NORMAL, ts, JsonValue.NULL, id);
        return new DirectMessage("bob", offset, ts, writer.toBytes(msg));
    }
}
