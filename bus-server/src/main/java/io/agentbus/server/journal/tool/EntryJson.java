package io.agentbus.server.journal.tool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.ArtifactStored;
import io.agentbus.server.journal.JournalRecord.DecisionClosed;
import io.agentbus.server.journal.JournalRecord.DecisionOpened;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.InboxCursor;
import io.agentbus.server.journal.JournalRecord.MemberJoined;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import io.agentbus.server.journal.JournalRecord.SnapshotComplete;
import io.agentbus.server.journal.JournalRecord.VoteCast;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes journal entries as JSON lines: {@code index} (hex, as the daemon logs it), {@code cycle}
 * (the journal file), {@code kind}, then the record's fields in snake_case; a message's stored
 * frame is embedded as JSON. Each line is rendered in a buffer first, so an entry whose frame is
 * not JSON becomes a {@code corrupt} line instead of half a line.
 */
final class EntryJson {
    private final JsonFactory factory = JsonFactory.builder().build();
    private final FrameJson frames = new FrameJson(factory);
    private final CharArrayWriter line = new CharArrayWriter(512);
    private final Writer out;

    EntryJson(Writer out) {
        this.out = out;
    }

    void write(long index, int cycle, JournalRecord record) throws IOException {
        line.reset();
        try (JsonGenerator g = factory.createGenerator(line)) {
            g.writeStartObject();
            head(g, index, cycle);
            fields(g, record);
            g.writeEndObject();
        } catch (IOException badFrame) { // the line buffer itself never fails
            writeCorrupt(index, cycle, FrameJson.message(badFrame));
            return;
        }
        endLine();
    }

    void writeCorrupt(long index, int cycle, String error) throws IOException {
        line.reset();
        try (JsonGenerator g = factory.createGenerator(line)) {
            g.writeStartObject();
            head(g, index, cycle);
            g.writeStringField("kind", "corrupt");
            g.writeStringField("error", error);
            g.writeEndObject();
        }
        endLine();
    }

    static String hex(long index) {
        return "0x" + Long.toHexString(index);
    }

    private void endLine() throws IOException {
        line.writeTo(out);
        out.write('\n');
    }

    private static void head(JsonGenerator g, long index, int cycle) throws IOException {
        g.writeStringField("index", hex(index));
        g.writeNumberField("cycle", cycle);
    }

    private void fields(JsonGenerator g, JournalRecord record) throws IOException {
        if (record instanceof RoomMessage m) {
            g.writeStringField("kind", "room_message");
            g.writeStringField("room", m.room());
            message(g, m.offset(), m.ts(), m.frame());
        } else if (record instanceof DirectMessage m) {
            g.writeStringField("kind", "direct_message");
            g.writeStringField("to", m.to());
            message(g, m.inboxOffset(), m.ts(), m.frame());
        } else if (record instanceof MemberJoined j) {
            g.writeStringField("kind", "member_joined");
            g.writeStringField("room", j.room());
            g.writeStringField("client", j.client());
            g.writeStringField("role", j.role());
            g.writeNumberField("weight", j.weight());
        } else {
            decisionFields(g, record);
        }
    }

    private void message(JsonGenerator g, long offset, long ts, byte[] frame) throws IOException {
        g.writeNumberField("offset", offset);
        g.writeNumberField("ts", ts);
        g.writeFieldName("frame");
        frames.copy(frame, g);
    }

    private static void decisionFields(JsonGenerator g, JournalRecord record) throws IOException {
        if (record instanceof DecisionOpened d) {
            g.writeStringField("kind", "decision_opened");
            g.writeStringField("room", d.room());
            g.writeStringField("decision", d.decision());
            g.writeStringField("title", d.title());
            g.writeStringField("rule", d.rule().wireName());
            g.writeNumberField("quorum", d.quorum());
            g.writeNumberField("deadline_at_ms", d.deadlineAtMs());
            g.writeStringField("proposer", d.proposer());
        } else if (record instanceof VoteCast v) {
            g.writeStringField("kind", "vote_cast");
            g.writeStringField("room", v.room());
            g.writeStringField("decision", v.decision());
            g.writeStringField("client", v.client());
            g.writeStringField("choice", v.choice().wireName());
            g.writeNumberField("weight", v.weight());
        } else if (record instanceof DecisionClosed c) {
            g.writeStringField("kind", "decision_closed");
            g.writeStringField("room", c.room());
            g.writeStringField("decision", c.decision());
            g.writeStringField("status", c.status().wireName());
            g.writeNumberField("yes", c.yes());
            g.writeNumberField("no", c.no());
            g.writeNumberField("veto", c.veto());
        } else {
            bookkeepingFields(g, record);
        }
    }

    private static void bookkeepingFields(JsonGenerator g, JournalRecord record) throws IOException {
        if (record instanceof InboxCursor c) {
            g.writeStringField("kind", "inbox_cursor");
            g.writeStringField("client", c.client());
            g.writeNumberField("written_up_to", c.writtenUpTo());
        } else if (record instanceof ArtifactStored a) {
            g.writeStringField("kind", "artifact_stored");
            g.writeStringField("room", a.room());
            g.writeStringField("sha256", a.sha256());
            g.writeNumberField("size", a.size());
            g.writeStringField("name", a.name());
            g.writeStringField("content_type", a.contentType());
        } else if (record instanceof RoomMark m) {
            g.writeStringField("kind", "room_mark");
            g.writeStringField("room", m.room());
            g.writeNumberField("last_offset", m.lastOffset());
        } else if (record instanceof SnapshotComplete c) {
            g.writeStringField("kind", "snapshot_complete");
            g.writeNumberField("written_at_ms", c.writtenAtMs());
            g.writeNumberField("start_cycle", c.startCycle());
        }
    }
}
