package io.agentbus.server.journal.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.InboxCursor;
import io.agentbus.server.journal.JournalRecord.MemberJoined;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import io.agentbus.server.journal.JournalRecord.SnapshotComplete;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifier's rules on hand-made entry sequences: what a daemon writes (offsets one by one, a
 * file that starts with a snapshot after retention, direct messages carried forward) is clean;
 * gaps, duplicates, short snapshots and bad entries are each reported once, at their entry.
 */
class JournalVerifierTest {
    private static final byte[] FRAME = "{\"op\":\"msg\"}".getBytes(StandardCharsets.UTF_8);
    private static final int FIRST_FILE = 100;
    private static final int SECOND_FILE = 101;

    private final JournalVerifier verifier = new JournalVerifier();
    private long index;

    @Test
    void shouldFindNothingWrongInContiguousRoomsAndInboxes() {
        file(FIRST_FILE, new SnapshotComplete(1, 0), room("a", 1), room("b", 1), room("a", 2), dm("bob", 1),
                new MemberJoined("c", "carol", "lead", 1), dm("bob", 2), room("b", 2));
        assertEquals(List.of("entries: 8 in 1 file", "rooms: 3", "inboxes: 1", "problems: 0"), report());
    }

    @Test
    void shouldAcceptAFirstFileWhoseSnapshotMarksOffsetsRetentionDeleted() {
        file(FIRST_FILE, new RoomMark("a", 41), new InboxCursor("bob", 6), dm("bob", 7), dm("bob", 8),
                new SnapshotComplete(1, 0), room("a", 42), dm("bob", 9));
        assertEquals("problems: 0", report().get(3));
    }

    @Test
    void shouldAcceptDirectMessagesCarriedForwardIntoTheNextFile() {
        file(FIRST_FILE, new SnapshotComplete(1, 0), room("a", 1), dm("bob", 1), dm("bob", 2), dm("bob", 3),
                new InboxCursor("bob", 1));
        file(SECOND_FILE, new RoomMark("a", 1), new InboxCursor("bob", 1), dm("bob", 2), dm("bob", 3),
                new SnapshotComplete(2, 0), dm("bob", 4), room("a", 2));
        assertEquals(List.of("entries: 13 in 2 files", "rooms: 1", "inboxes: 1", "problems: 0"), report());
    }

    @Test
    void shouldReportAGapInARoom() {
        file(FIRST_FILE, room("a", 1), room("a", 2), room("a", 5), room("a", 6));
        assertEquals(List.of("problems: 1", "  0x3: room \"a\": offset 5 follows 2 (offsets 3..4 missing)"),
                problems());
    }

    @Test
    void shouldReportARoomWhoseFirstMessageIsNotOneWithoutAMark() {
        file(FIRST_FILE, new SnapshotComplete(1, 0), room("a", 3));
        assertEquals(List.of("problems: 1", "  0x2: room \"a\": offset 3 follows 0 (offsets 1..2 missing)"),
                problems());
    }

    @Test
    void shouldReportADuplicateOffsetOnce() {
        file(FIRST_FILE, dm("bob", 1), dm("bob", 2), dm("bob", 2), dm("bob", 3));
        assertEquals(List.of("problems: 1", "  0x3: inbox of \"bob\": offset 2 again after 2 (a duplicate or out of order)"),
                problems());
    }

    @Test
    void shouldReportASnapshotMarkBeyondTheMessagesKept() {
        file(FIRST_FILE, room("a", 1), room("a", 2));
        file(SECOND_FILE, new RoomMark("a", 4), new SnapshotComplete(1, 0), room("a", 5));
        assertEquals(List.of("problems: 1", "  0x3: room \"a\": the snapshot marks offsets up to 4 but the journal "
                + "holds them only up to 2 (offsets 3..4 missing)"), problems());
    }

    @Test
    void shouldReportASnapshotThatDidNotCarryEveryUnwrittenDirectMessage() {
        file(FIRST_FILE, dm("bob", 1), dm("bob", 2), dm("bob", 3));
        file(SECOND_FILE, new InboxCursor("bob", 1), dm("bob", 2), new SnapshotComplete(1, 0), dm("bob", 4));
        assertEquals(List.of("problems: 1", "  0x6: inbox of \"bob\": the snapshot carries messages forward only up "
                + "to 2 but the inbox holds them up to 3 (offset 3 missing)"), problems());
    }

    @Test
    void shouldReportUndecodableEntriesAndFramesThatAreNotJson() {
        file(FIRST_FILE, room("a", 1));
        verifier.onCorrupt(++index, FIRST_FILE, "unknown entry format 0");
        verifier.onRecord(++index, FIRST_FILE, new RoomMessage("a", 2, 0, "{\"op\":}".getBytes(StandardCharsets.UTF_8)));
        List<String> problems = problems();
        assertEquals("problems: 2", problems.get(0));
        assertEquals("  0x2: the entry cannot be decoded: unknown entry format 0", problems.get(1));
        assertTrue(problems.get(2).startsWith("  0x3: the stored frame is not one JSON object: "), problems.get(2));
    }

    @Test
    void shouldListAtMostTheFirstThousandProblemsAndCountTheRest() {
        for (int i = 0; i < VerifyReport.MAX_LISTED + 5; i++) {
            verifier.onCorrupt(++index, FIRST_FILE, "torn");
        }
        List<String> problems = problems();
        assertEquals("problems: " + (VerifyReport.MAX_LISTED + 5), problems.get(0));
        assertEquals(VerifyReport.MAX_LISTED + 2, problems.size());
        assertEquals("  ... and 5 more", problems.get(problems.size() - 1));
        assertFalse(verifier.report().clean());
    }

    private void file(int cycle, JournalRecord... records) {
        for (JournalRecord record : records) {
            verifier.onRecord(++index, cycle, record);
        }
    }

    private static RoomMessage room(String room, long offset) {
        return new RoomMessage(room, offset, 0, FRAME);
    }

    private static DirectMessage dm(String to, long offset) {
        return new DirectMessage(to, offset, 0, FRAME);
    }

    private List<String> report() {
        StringWriter text = new StringWriter();
        verifier.report().print(new PrintWriter(text, true));
        return text.toString().lines().toList();
    }

    /** The report from its problem count on. */
    private List<String> problems() {
        List<String> lines = report();
        return lines.subList(3, lines.size());
    }
}
