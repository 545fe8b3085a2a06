package io.agentbus.server.journal;

import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.VoteChoice;

/**
 * One entry of the journal. Every change of room state is one of these, appended by the
 * sequencer before it is applied; replaying them in order rebuilds the state.
 */
public sealed interface JournalRecord {

    /** A room message; {@code frame} is its encoded {@code msg} frame, sent as is on replay. */
    record RoomMessage(String room, long offset, long ts, byte[] frame) implements JournalRecord {
    }

    /** A direct message in {@code to}'s inbox; {@code frame} is its encoded {@code msg} frame. */
    record DirectMessage(String to, long inboxOffset, long ts, byte[] frame) implements JournalRecord {
    }

    /** A client joined a room with this role and vote weight (its last role survives restarts). */
    record MemberJoined(String room, String client, String role, int weight) implements JournalRecord {
    }

    /** A decision was proposed; {@code deadlineAtMs} is 0 without a deadline. */
    record DecisionOpened(String room, String decision, String title, DecisionRule rule, int quorum,
                          long deadlineAtMs, String proposer) implements JournalRecord {
    }

    /** A vote was cast (a later vote by the same client replaces its earlier one). */
    record VoteCast(String room, String decision, String client, VoteChoice choice, int weight)
            implements JournalRecord {
    }

    /** A decision reached a final status with this tally. */
    record DecisionClosed(String room, String decision, DecisionStatus status, int yes, int no, int veto)
            implements JournalRecord {
    }

    /** Every inbox message of {@code client} up to {@code writtenUpTo} was written to it. */
    record InboxCursor(String client, long writtenUpTo) implements JournalRecord {
    }

    /** An artifact was stored for a room (its announcement is a separate room message). */
    record ArtifactStored(String room, String sha256, long size, String name, String contentType)
            implements JournalRecord {
    }

    /**
     * Part of a snapshot: the room's offsets run up to {@code lastOffset}, whether or not the
     * messages are still in the journal.
     */
    record RoomMark(String room, long lastOffset) implements JournalRecord {
    }

    /**
     * Ends a snapshot: the records since the last one restate the whole durable state (marks,
     * roles, decisions and votes, artifacts, inbox cursors and unwritten direct messages), so a
     * replay that starts at the snapshot needs no older journal file. {@code startCycle} is the
     * journal cycle (file) the snapshot's first record went to: a snapshot that a roll split over
     * two files makes neither of them self-contained.
     */
    record SnapshotComplete(long writtenAtMs, int startCycle) implements JournalRecord {
    }
}
