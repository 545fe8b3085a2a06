package io.agentbus.server.journal.tool;

import com.fasterxml.jackson.core.JsonFactory;
import io.agentbus.server.journal.JournalReader;
import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.InboxCursor;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import io.agentbus.server.journal.JournalRecord.SnapshotComplete;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code journal verify}: reads every entry and checks that it decodes (a message's frame must be
 * one JSON object) and that each room's and each inbox's offsets are contiguous (see
 * {@link OffsetRun}). A file (cycle) starts with a snapshot when its first entry is a room mark,
 * an inbox cursor or the snapshot's end, as the daemon writes them; the snapshot lasts until its
 * {@link SnapshotComplete}. Memory grows with the number of rooms and inboxes, not entries.
 */
final class JournalVerifier implements JournalReader.EntryVisitor {
    private final FrameJson frames = new FrameJson(new JsonFactory());
    private final Map<String, OffsetRun> rooms = new HashMap<>();
    private final Map<String, OffsetRun> inboxes = new HashMap<>();
    private final List<OffsetRun> carrying = new ArrayList<>();
    private final VerifyReport report = new VerifyReport();
    private long currentCycle = Long.MIN_VALUE;
    private boolean inSnapshot;

    /** Reads every entry the reader has and returns what was found. */
    VerifyReport run(JournalReader reader) {
        boolean more = true;
        while (more) {
            more = reader.next(this);
        }
        return report();
    }

    /** What was found in the entries read so far. */
    VerifyReport report() {
        return report.counted(rooms.size(), inboxes.size());
    }

    @Override
    public void onRecord(long index, int cycle, JournalRecord record) {
        enter(cycle, record);
        report.entry(cycle);
        if (record instanceof RoomMessage m) {
            check(index, frames.problem(m.frame()));
            check(index, room(m.room()).message(m.offset()));
        } else if (record instanceof DirectMessage m) {
            check(index, frames.problem(m.frame()));
            directMessage(index, m);
        } else if (record instanceof RoomMark m) {
            check(index, room(m.room()).mark(m.lastOffset()));
        } else if (record instanceof InboxCursor c) {
            inboxCursor(c);
        } else if (record instanceof SnapshotComplete) {
            endSnapshot(index);
        } else {
            room(EntryFilter.roomOf(record));
        }
    }

    @Override
    public void onCorrupt(long index, int cycle, String error) {
        report.entry(cycle);
        report.problem(index, "the entry cannot be decoded: " + error);
    }

    private void enter(int entryCycle, JournalRecord record) {
        if (entryCycle != currentCycle) {
            abandonSnapshot();
            currentCycle = entryCycle;
            inSnapshot = record instanceof RoomMark || record instanceof InboxCursor
                    || record instanceof SnapshotComplete;
        } else if (record instanceof RoomMessage) {
            abandonSnapshot();
        }
    }

    private void directMessage(long index, DirectMessage m) {
        OffsetRun inbox = inbox(m.to());
        check(index, inSnapshot && inbox.carrying() ? inbox.carried(m.inboxOffset()) : inbox.message(m.inboxOffset()));
    }

    private void inboxCursor(InboxCursor c) {
        OffsetRun inbox = inbox(c.client());
        if (inSnapshot) {
            inbox.snapshotCursor(c.writtenUpTo());
            carrying.add(inbox);
        }
    }

    private void endSnapshot(long index) {
        for (OffsetRun inbox : carrying) {
            check(index, inbox.snapshotComplete());
        }
        carrying.clear();
        inSnapshot = false;
    }

    private void abandonSnapshot() {
        for (OffsetRun inbox : carrying) {
            inbox.snapshotAbandoned();
        }
        carrying.clear();
        inSnapshot = false;
    }

    private void check(long index, String problem) {
        if (problem != null) {
            report.problem(index, problem);
        }
    }

    private OffsetRun room(String name) {
        return rooms.computeIfAbsent(name, n -> new OffsetRun("room \"" + n + "\""));
    }

    private OffsetRun inbox(String client) {
        return inboxes.computeIfAbsent(client, n -> new OffsetRun("inbox of \"" + n + "\""));
    }
}
