package io.agentbus.server.journal.tool;

import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.ArtifactStored;
import io.agentbus.server.journal.JournalRecord.DecisionClosed;
import io.agentbus.server.journal.JournalRecord.DecisionOpened;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.MemberJoined;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import io.agentbus.server.journal.JournalRecord.VoteCast;

/**
 * Which entries {@code journal dump} prints: with a room, only that room's entries (its messages,
 * joins, decisions, votes, artifacts and snapshot marks); with {@code since}, only messages (room
 * and direct) whose offset is above it. A {@code null} room and a negative {@code since} filter
 * nothing.
 */
record EntryFilter(String room, long since) {
    boolean accepts(JournalRecord record) {
        return (room == null || room.equals(roomOf(record))) && (since < 0 || offsetOf(record) > since);
    }

    /** The room an entry belongs to, or {@code null} (direct messages, inbox cursors, snapshot ends). */
    static String roomOf(JournalRecord record) {
        if (record instanceof RoomMessage m) {
            return m.room();
        } else if (record instanceof MemberJoined j) {
            return j.room();
        } else if (record instanceof DecisionOpened d) {
            return d.room();
        } else if (record instanceof VoteCast v) {
            return v.room();
        } else if (record instanceof DecisionClosed c) {
            return c.room();
        } else if (record instanceof ArtifactStored a) {
            return a.room();
        } else if (record instanceof RoomMark m) {
            return m.room();
        }
        return null;
    }

    /** A message's offset (a direct message's in its recipient's inbox); -1 for other entries. */
    private static long offsetOf(JournalRecord record) {
        if (record instanceof RoomMessage m) {
            return m.offset();
        } else if (record instanceof DirectMessage m) {
            return m.inboxOffset();
        }
        return -1;
    }
}
