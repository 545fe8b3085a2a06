package io.agentbus.server.sequencer;

import io.agentbus.server.decision.Decision;
import io.agentbus.server.inbox.Inbox;
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
import io.agentbus.server.room.Room;
import io.agentbus.server.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All state of the bus, owned by the sequencer thread. {@link #apply(JournalRecord, long)} is
 * the only way the durable part changes, both live (right after the append) and on replay, so a
 * restart rebuilds exactly what was there. Applying a snapshot's records again is harmless: each
 * restates what is already there.
 */
public final class BusState {
    private static final Logger LOG = LoggerFactory.getLogger(BusState.class);

    private final Map<String, Room> rooms = new TreeMap<>();
    private final Map<String, Inbox> inboxes = new HashMap<>();
    private final Map<String, List<Session>> sessionsByClient = new HashMap<>();

    /** The room, or {@code null} if it does not exist. */
    public Room room(String id) {
        return rooms.get(id);
    }

    /** Adds a system room ({@code $sys.stats}): it exists from the start, empty, and is never journaled. */
    public void addSystemRoom(Room room) {
        rooms.put(room.id(), room);
    }

    /** The room, created if it does not exist yet. */
    public Room roomOrCreate(String id) {
        return rooms.computeIfAbsent(id, Room::new);
    }

    /** Every room, ordered by id. */
    public Iterable<Room> rooms() {
        return rooms.values();
    }

    public int roomCount() {
        return rooms.size();
    }

    public Inbox inboxOrCreate(String client) {
        return inboxes.computeIfAbsent(client, c -> new Inbox());
    }

    public Inbox inbox(String client) {
        return inboxes.get(client);
    }

    /** Every client's inbox, by client id. */
    public Map<String, Inbox> inboxes() {
        return inboxes;
    }

    /** Connected sessions that said hello as this client (possibly empty). */
    public List<Session> sessionsOf(String client) {
        return sessionsByClient.getOrDefault(client, List.of());
    }

    public void addSession(Session session) {
        sessionsByClient.computeIfAbsent(session.clientId(), c -> new ArrayList<>(1)).add(session);
    }

    public void removeSession(Session session) {
        List<Session> sessions = sessionsByClient.get(session.clientId());
        if (sessions != null && sessions.remove(session) && sessions.isEmpty()) {
            sessionsByClient.remove(session.clientId());
        }
    }

    /** Retention deleted the journal before {@code firstJournalIndex}: forget where things sat there. */
    public void forgetBefore(long firstJournalIndex) {
        for (Room room : rooms.values()) {
            room.forgetBefore(firstJournalIndex);
        }
        for (Inbox inbox : inboxes.values()) {
            inbox.forgetBefore(firstJournalIndex);
        }
    }

    /** Applies one journaled change. */
    public void apply(JournalRecord record, long journalIndex) {
        if (record instanceof RoomMessage m) {
            applyRoomMessage(m, journalIndex);
        } else if (record instanceof DirectMessage m) {
            applyDirectMessage(m, journalIndex);
        } else if (record instanceof MemberJoined j) {
            roomOrCreate(j.room()).lastRoles().put(j.client(), j.role());
        } else if (record instanceof InboxCursor c) {
            inboxOrCreate(c.client()).writtenUpTo(c.writtenUpTo());
        } else if (record instanceof RoomMark m) {
            roomOrCreate(m.room()).skipTo(m.lastOffset());
        } else if (!(record instanceof SnapshotComplete)) {
            applyDecisionOrArtifact(record);
        }
    }

    private void applyRoomMessage(RoomMessage m, long journalIndex) {
        Room room = roomOrCreate(m.room());
        if (m.offset() != room.lastOffset() + 1) {
            LOG.warn("journal: room {} offset {} follows {}", m.room(), m.offset(), room.lastOffset());
        }
        room.appended(m.offset(), journalIndex);
    }

    /** A direct message, or one carried forward by a snapshot (its offset is not new then). */
    private void applyDirectMessage(DirectMessage m, long journalIndex) {
        inboxOrCreate(m.to()).appended(m.inboxOffset(), journalIndex);
    }

    private void applyDecisionOrArtifact(JournalRecord record) {
        if (record instanceof DecisionOpened d) {
            roomOrCreate(d.room()).decisions().putIfAbsent(d.decision(),
                    new Decision(d.room(), d.decision(), d.title(), d.rule(), d.quorum(), d.deadlineAtMs(),
                            d.proposer()));
        } else if (record instanceof VoteCast v) {
            Decision decision = roomOrCreate(v.room()).decisions().get(v.decision());
            if (decision != null) {
                decision.vote(v.client(), v.choice(), v.weight());
            }
        } else if (record instanceof DecisionClosed c) {
            Decision decision = roomOrCreate(c.room()).decisions().get(c.decision());
            if (decision != null) {
                decision.status(c.status());
            }
        } else if (record instanceof ArtifactStored a) {
            roomOrCreate(a.room()).addArtifact(a.sha256(), a.size());
        }
    }
}
