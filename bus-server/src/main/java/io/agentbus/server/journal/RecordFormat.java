package io.agentbus.server.journal;

import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.VoteChoice;
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
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of a journal entry: a format byte, a kind byte, then the record's fields
 * (strings as stop-bit-prefixed UTF-8, numbers as 8-byte longs or stop-bit ints, frames as a
 * stop-bit length and raw bytes).
 */
final class RecordFormat {
    static final byte FORMAT_V1 = 1;

    private static final byte ROOM_MESSAGE = 1;
    private static final byte DIRECT_MESSAGE = 2;
    private static final byte MEMBER_JOINED = 3;
    private static final byte DECISION_OPENED = 4;
    private static final byte VOTE_CAST = 5;
    private static final byte DECISION_CLOSED = 6;
    private static final byte INBOX_CURSOR = 7;
    private static final byte ARTIFACT_STORED = 8;
    private static final byte ROOM_MARK = 9;
    private static final byte SNAPSHOT_COMPLETE = 10;

    private RecordFormat() {
    }

    static void write(Bytes<?> out, JournalRecord record) {
        out.writeByte(FORMAT_V1);
        if (record instanceof RoomMessage m) {
            out.writeByte(ROOM_MESSAGE).writeUtf8(m.room()).writeLong(m.offset()).writeLong(m.ts());
            writeFrame(out, m.frame());
        } else if (record instanceof DirectMessage m) {
            out.writeByte(DIRECT_MESSAGE).writeUtf8(m.to()).writeLong(m.inboxOffset()).writeLong(m.ts());
            writeFrame(out, m.frame());
        } else {
            writeStateRecord(out, record);
        }
    }

    private static void writeStateRecord(Bytes<?> out, JournalRecord record) {
        if (record instanceof MemberJoined j) {
            out.writeByte(MEMBER_JOINED).writeUtf8(j.room()).writeUtf8(j.client()).writeUtf8(j.role())
                    .writeStopBit(j.weight());
        } else if (record instanceof DecisionOpened d) {
            out.writeByte(DECISION_OPENED).writeUtf8(d.room()).writeUtf8(d.decision()).writeUtf8(d.title())
                    .writeStopBit(d.rule().ordinal()).writeStopBit(d.quorum()).writeLong(d.deadlineAtMs())
                    .writeUtf8(d.proposer());
        } else if (record instanceof VoteCast v) {
            out.writeByte(VOTE_CAST).writeUtf8(v.room()).writeUtf8(v.decision()).writeUtf8(v.client())
                    .writeStopBit(v.choice().ordinal()).writeStopBit(v.weight());
        } else if (record instanceof DecisionClosed c) {
            out.writeByte(DECISION_CLOSED).writeUtf8(c.room()).writeUtf8(c.decision())
                    .writeStopBit(c.status().ordinal()).writeStopBit(c.yes()).writeStopBit(c.no())
                    .writeStopBit(c.veto());
        } else if (record instanceof InboxCursor c) {
            out.writeByte(INBOX_CURSOR).writeUtf8(c.client()).writeLong(c.writtenUpTo());
        } else if (record instanceof ArtifactStored a) {
            out.writeByte(ARTIFACT_STORED).writeUtf8(a.room()).writeUtf8(a.sha256()).writeLong(a.size())
                    .writeUtf8(a.name()).writeUtf8(a.contentType());
        } else if (record instanceof RoomMark m) {
            out.writeByte(ROOM_MARK).writeUtf8(m.room()).writeLong(m.lastOffset());
        } else if (record instanceof SnapshotComplete c) {
            out.writeByte(SNAPSHOT_COMPLETE).writeLong(c.writtenAtMs()).writeInt(c.startCycle());
        } else {
            throw new IllegalArgumentException("unknown journal record " + record.getClass().getName());
        }
    }

    private static void writeFrame(Bytes<?> out, byte[] frame) {
        out.writeStopBit(frame.length).write(frame);
    }

    /**
     * Reads one entry.
     *
     * @throws CorruptEntryException when the entry is not one this version wrote
     */
    static JournalRecord read(Bytes<?> in) {
        byte format = in.readByte();
        if (format != FORMAT_V1) {
            throw new CorruptEntryException("unknown entry format " + format);
        }
        byte kind = in.readByte();
        switch (kind) {
            case ROOM_MESSAGE:
                return new RoomMessage(in.readUtf8(), in.readLong(), in.readLong(), readFrame(in));
            case DIRECT_MESSAGE:
                return new DirectMessage(in.readUtf8(), in.readLong(), in.readLong(), readFrame(in));
            case MEMBER_JOINED:
                return new MemberJoined(in.readUtf8(), in.readUtf8(), in.readUtf8(), (int) in.readStopBit());
            case DECISION_OPENED:
                return new DecisionOpened(in.readUtf8(), in.readUtf8(), in.readUtf8(),
                        DecisionRule.values()[(int) in.readStopBit()], (int) in.readStopBit(), in.readLong(),
                        in.readUtf8());
            case VOTE_CAST:
                return new VoteCast(in.readUtf8(), in.readUtf8(), in.readUtf8(),
                        VoteChoice.values()[(int) in.readStopBit()], (int) in.readStopBit());
            case DECISION_CLOSED:
                return new DecisionClosed(in.readUtf8(), in.readUtf8(),
                        DecisionStatus.values()[(int) in.readStopBit()], (int) in.readStopBit(),
                        (int) in.readStopBit(), (int) in.readStopBit());
            case INBOX_CURSOR:
                return new InboxCursor(in.readUtf8(), in.readLong());
            case ARTIFACT_STORED:
                return new ArtifactStored(in.readUtf8(), in.readUtf8(), in.readLong(), in.readUtf8(),
                        in.readUtf8());
            case ROOM_MARK:
                return new RoomMark(in.readUtf8(), in.readLong());
            case SNAPSHOT_COMPLETE:
                return new SnapshotComplete(in.readLong(), in.readInt());
            default:
                throw new CorruptEntryException("unknown entry kind " + kind);
        }
    }

    private static byte[] readFrame(Bytes<?> in) {
        long length = in.readStopBit();
        if (length < 0 || length > in.readRemaining()) {
            throw new CorruptEntryException("frame length " + length + " exceeds the entry");
        }
        byte[] frame = new byte[(int) length];
        in.read(frame);
        if (!looksWhole(frame)) {
            throw new CorruptEntryException("frame of " + length + " bytes is torn (not one JSON object, or holds NUL)");
        }
        return frame;
    }

    /**
     * A frame is one JSON object, which never holds a raw NUL byte. A crash or a truncated file
     * leaves an entry whose header is complete but whose tail reads as zeros; this catches it.
     */
    private static boolean looksWhole(byte[] frame) {
        if (frame.length < 2 || frame[0] != '{' || frame[frame.length - 1] != '}') {
            return false;
        }
        for (byte b : frame) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
