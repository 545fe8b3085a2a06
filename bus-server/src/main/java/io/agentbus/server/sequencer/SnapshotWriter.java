package io.agentbus.server.sequencer;

import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.server.decision.Decision;
import io.agentbus.server.inbox.Inbox;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.ArtifactStored;
import io.agentbus.server.journal.JournalRecord.DecisionClosed;
import io.agentbus.server.journal.JournalRecord.DecisionOpened;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.InboxCursor;
import io.agentbus.server.journal.JournalRecord.MemberJoined;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import io.agentbus.server.journal.JournalRecord.SnapshotComplete;
import io.agentbus.server.journal.JournalRecord.VoteCast;
import io.agentbus.server.room.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restates the whole durable state at the start of each journal file, so that retention can
 * delete older files and a replay still rebuilds everything: each room's last offset, last roles,
 * decisions with their votes and outcome, artifacts; each inbox's cursor and the direct messages
 * not yet written to their recipient (carried forward: appended again with their inbox offsets).
 * Room messages are not carried: history older than retention is gone by design. Ends with
 * {@link SnapshotComplete}. Runs on the sequencer thread, from the journal's first append into a
 * new file, before that append. When retention deleted files, the rooms and inboxes forget where
 * their messages sat in them.
 */
public final class SnapshotWriter implements Journal.CycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);
    /** A restated role carries no vote weight of its own: weights come with each live join. */
    private static final int RESTATED_WEIGHT = 1;

    private final BusState state;
    private final Journal journal;
    private final EpochClock clock;

    public SnapshotWriter(BusState state, Journal journal, EpochClock clock) {
        this.state = state;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void cyclesDeleted(long firstIndexKept) {
        state.forgetBefore(firstIndexKept);
    }

    @Override
    public void cycleStarting() {
        long startNs = System.nanoTime();
        long records = 0;
        for (Room room : copy(state.rooms())) {
            if (!room.isSystem()) { // a system room lives in memory only
                records += restate(room);
            }
        }
        for (Map.Entry<String, Inbox> inbox : new ArrayList<>(state.inboxes().entrySet())) {
            long restated = restate(inbox.getKey(), inbox.getValue());
            if (restated < 0) {
                LOG.error("journal: an unread direct message of {} cannot be read; the snapshot is left incomplete,"
                        + " so retention keeps the older journal files", inbox.getKey());
                return;
            }
            records += restated;
        }
        put(new SnapshotComplete(clock.time(), journal.snapshotStartCycle()));
        LOG.info("journal: new file starts with a snapshot of {} records ({} rooms, {} inboxes) in {} ms", records + 1,
                state.roomCount(), state.inboxes().size(), (System.nanoTime() - startNs) / 1_000_000);
    }

    private long restate(Room room) {
        put(new RoomMark(room.id(), room.lastOffset()));
        long records = 1;
        for (Map.Entry<String, String> role : new ArrayList<>(room.lastRoles().entrySet())) {
            put(new MemberJoined(room.id(), role.getKey(), role.getValue(), RESTATED_WEIGHT));
            records++;
        }
        for (Decision decision : new ArrayList<>(room.decisions().values())) {
            records += restate(room, decision);
        }
        for (Map.Entry<String, Long> artifact : new ArrayList<>(room.artifactSizes().entrySet())) {
            put(new ArtifactStored(room.id(), artifact.getKey(), artifact.getValue(), "", ""));
            records++;
        }
        return records;
    }

    private long restate(Room room, Decision d) {
        put(new DecisionOpened(room.id(), d.id(), d.title(), d.rule(), d.quorum(), d.deadlineAtMs(), d.proposer()));
        long records = 1;
        for (Map.Entry<String, Decision.CastVote> vote : new ArrayList<>(d.votes().entrySet())) {
            put(new VoteCast(room.id(), d.id(), vote.getKey(), vote.getValue().choice(), vote.getValue().weight()));
            records++;
        }
        if (d.status() != DecisionStatus.OPEN) {
            DecisionUpdate tally = d.toFrame();
            put(new DecisionClosed(room.id(), d.id(), d.status(), tally.yes(), tally.no(), tally.veto()));
            records++;
        }
        return records;
    }

    /** The records restated, or -1 when an unread message cannot be read. */
    private long restate(String client, Inbox inbox) {
        put(new InboxCursor(client, inbox.writtenUpTo()));
        long records = 1;
        for (long offset = inbox.writtenUpTo() + 1; offset <= inbox.lastOffset(); offset++) {
            if (!(journal.read(inbox.journalIndexOf(offset)) instanceof DirectMessage m)) {
                return -1;
            }
            put(m);
            records++;
        }
        return records;
    }

    private void put(JournalRecord record) {
        state.apply(record, journal.append(record));
    }

    private static List<Room> copy(Iterable<Room> rooms) {
        List<Room> copy = new ArrayList<>();
        rooms.forEach(copy::add);
        return copy;
    }
}
