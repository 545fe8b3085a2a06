package io.agentbus.server.cluster;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.server.cluster.RoomEvent.Expired;
import io.agentbus.server.cluster.RoomEvent.Joined;
import io.agentbus.server.cluster.RoomEvent.Left;
import io.agentbus.server.cluster.RoomEvent.Proposed;
import io.agentbus.server.cluster.RoomEvent.Voted;
import io.agentbus.server.decision.Decision;
import io.agentbus.server.decision.DecisionHandler;
import io.agentbus.server.journal.GroupCommit;
import io.agentbus.server.journal.JournalUnavailableException;
import io.agentbus.server.room.Membership;
import io.agentbus.server.room.MembershipHandler;
import io.agentbus.server.room.Room;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Handlers;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership and decisions across the cluster (see the package's documentation): appends each
 * join, leave, proposal, vote and expiry to the room's log in Redis, and applies the events every
 * node appended, in the log's order, through the same handlers a single node uses. The node that
 * appended a request answers it when it applies it. Sequencer thread only, but for the futures'
 * callbacks, which hand their outcome back through the sequencer's queue.
 */
final class RoomEvents implements RoomLog {
    private static final Logger LOG = LoggerFactory.getLogger(RoomEvents.class);
    private static final String NONE = "none";
    /** How long after a failed expiry it is appended again. */
    private static final long REWATCH_MS = 500;

    private final RedisLink link;
    private final String node;
    private final int maxPending;
    private final ClusterMembers members = new ClusterMembers();
    private final Map<Long, Request> pending = new HashMap<>();
    private final PendingAges ages = new PendingAges();
    private final ClusterRooms rooms;
    private final BusState state;
    private final MembershipHandler membership;
    private final DecisionHandler decisions;
    private final GroupCommit commit;
    private final Sequencer sequencer;
    private long lastSeq;
    /** The order given to the last join appended here. */
    private long lastOrder;
    /** Failed reads of the rooms' list so far. */
    private int listAttempts;
    /** Failed reads of each room's snapshot so far; a room is in it once its snapshot is asked for. */
    private final Map<String, Integer> snapshotAttempts = new HashMap<>();
    /** Per room: this node's members whose re-join is appended but not applied yet, with when (nanoTime) it was. */
    private final Map<String, Map<String, Long>> rejoining = new HashMap<>();

    /** A request of this node's session waiting for its event to be applied. */
    private record Request(Session session, ClientFrame frame) {
    }

    RoomEvents(RedisLink link, String node, int maxPending, ClusterRooms rooms, BusState state,
               MembershipHandler membership, DecisionHandler decisions, GroupCommit commit, Sequencer sequencer) {
        this.link = link;
        this.node = node;
        this.maxPending = maxPending;
        this.rooms = rooms;
        this.state = state;
        this.membership = membership;
        this.decisions = decisions;
        this.commit = commit;
        this.sequencer = sequencer;
    }

    ClusterMembers members() {
        return members;
    }

    @Override
    public void join(Session session, Join join, Room room) {
        long seq = admitRequest(session, join);
        if (seq == 0) {
            return;
        }
        Joined joined = new Joined(node, seq, session.id(), session.clientId(), join.role(), join.weight(),
                nextOrder());
        append(room, EventCodec.payload(joined), "add", joined.key(), EventCodec.payload(new Left(joined.key(),
                joined.client(), joined.role(), joined.weight(), joined.order())), -1, seq);
    }

    /** A new member's order: this node's clock in microseconds, made unique here (see {@link Joined}). */
    private long nextOrder() {
        lastOrder = Math.max(lastOrder + 1, System.currentTimeMillis() * 1000);
        return lastOrder;
    }

    @Override
    public void left(Session session, Room room, Membership m) {
        appendLeave(room.id(), room.lastOffset(), new Left(node + "/" + session.id(), session.clientId(), m.role(),
                m.weight()));
    }

    private void appendLeave(String roomId, long lastOffset, Left left) {
        append(roomId, lastOffset, EventCodec.payload(left), "remove", left.key(), "", -1, 0);
    }

    @Override
    public void propose(Session session, Propose propose, Room room, long deadlineAtMs) {
        long seq = admitRequest(session, propose);
        if (seq != 0) {
            append(room, EventCodec.payload(new Proposed(node, seq, session.clientId(), propose.title(),
                    propose.rule(), propose.quorum(), deadlineAtMs)), NONE, "", "", room.decisions().size(), seq);
        }
    }

    @Override
    public void vote(Session session, Vote vote, Room room, int weight) {
        long seq = admitRequest(session, vote);
        if (seq != 0) {
            append(room, EventCodec.payload(new Voted(node, seq, session.clientId(), vote.decision(), vote.choice(),
                    weight)), NONE, "", "", -1, seq);
        }
    }

    @Override
    public void expire(Decision decision) {
        Room room = state.room(decision.room());
        link.append(room.id(), room.lastOffset(), EventCodec.payload(new Expired(node, decision.id())), NONE, "", "",
                -1).whenComplete((result, failure) -> {
                    if (failure != null || LogRecovery.isRecovering(result)) { // tried again later, not at every check
                        link.schedule(() -> sequencer.submitInternal(new ClusterCommands.Rewatch(decisions, decision)),
                                failure != null ? REWATCH_MS : LogRecovery.waitMs(result));
                    }
                });
    }

    @Override
    public Map<String, Integer> weights(Room room) {
        return members.weights(room.id());
    }

    /** Numbers a request, or refuses it ({@code 0}) when too many wait for Redis or Redis is away. */
    private long admitRequest(Session session, ClientFrame frame) {
        String problem = link.health().problem();
        if (pending.size() >= maxPending || problem != null) {
            session.send(new ErrorFrame(frame.rid(), ErrorCode.OVERLOADED, "cluster: " + (problem != null ? problem
                    : pending.size() + " requests already wait for Redis at " + link.health().redis())));
            return 0;
        }
        long seq = ++lastSeq;
        pending.put(seq, new Request(session, frame));
        ages.added(seq, System.nanoTime());
        return seq;
    }

    private void append(Room room, String payload, String membersOp, String field, String value, long decisionFloor,
                        long seq) {
        append(room.id(), room.lastOffset(), payload, membersOp, field, value, decisionFloor, seq);
    }

    private void append(String roomId, long lastOffset, String payload, String membersOp, String field, String value,
                        long decisionFloor, long seq) {
        append(roomId, lastOffset, payload, membersOp, field, value, decisionFloor, seq, true);
    }

    /**
     * Appends an event; while the room recovers from a loss of its data ({@link LogRecovery}) it
     * is appended again once that is over, always for this node's own events ({@code seq} 0: a
     * leave, a join again), once for a request, whose client sees only a slower answer.
     */
    private void append(String roomId, long lastOffset, String payload, String membersOp, String field, String value,
                        long decisionFloor, long seq, boolean mayWait) {
        try {
            link.append(roomId, lastOffset, payload, membersOp, field, value, decisionFloor).whenComplete(
                    (result, failure) -> {
                        if (mayWait && failure == null && LogRecovery.isRecovering(result)) {
                            link.schedule(() -> sequencer.submitInternal(new Command.Inspect(h -> append(roomId,
                                    lastOffset(roomId, lastOffset), payload, membersOp, field, value, decisionFloor,
                                    seq, seq == 0))), LogRecovery.waitMs(result));
                            return;
                        }
                        sequencer.submitInternal(new ClusterCommands.Appended(this, roomId, seq, result, failure));
                    });
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            appended(roomId, seq, null, e);
        }
    }

    /** Answers the requests that started waiting at or before {@code cutoffNs}: their outcome is unknown. */
    void sweep(long cutoffNs, long waitedMs) {
        ages.sweep(cutoffNs, seq -> {
            Request r = pending.remove(seq);
            if (r != null) {
                r.session().send(new ErrorFrame(r.frame().rid(), ErrorCode.OVERLOADED,
                        PendingAges.unknown("the " + r.frame().op(), waitedMs)));
            }
        });
    }

    private long lastOffset(String roomId, long otherwise) {
        Room room = state.room(roomId);
        return room == null ? otherwise : room.lastOffset();
    }

    /** Redis appended (or failed to append) an event; {@code seq} is the request's, 0 for none. */
    void appended(String roomId, long seq, List<Object> result, Throwable failure) {
        if (failure != null) {
            Request r = seq == 0 ? null : pending.remove(seq);
            LOG.warn("cluster: an event of room {} was not appended to its log in Redis: {}", roomId,
                    failure.getMessage());
            if (r != null) {
                r.session().send(new ErrorFrame(r.frame().rid(), ErrorCode.OVERLOADED,
                        RedisFailure.message(link.health().redis(), "the " + r.frame().op(), "did not happen", failure)));
            }
            return;
        }
        if (LogRecovery.isRecovering(result)) {
            Request r = pending.remove(seq);
            long waitMs = LogRecovery.waitMs(result);
            if (r != null) {
                r.session().send(new ErrorFrame(r.frame().rid(), ErrorCode.OVERLOADED,
                        LogRecovery.refusal("room " + roomId, waitMs), waitMs));
            }
            return;
        }
        rooms.checkLater(roomId, new LogId((Long) result.get(0), (Long) result.get(1)), seq, true);
    }

    /** Whether request {@code seq} still waits for its event to be applied. */
    boolean isPending(long seq) {
        return pending.containsKey(seq);
    }

    /** The room applied {@code id}, where request {@code seq}'s event was appended, without it: it never comes. */
    void taken(long seq, String roomId, LogId id) {
        Request r = seq == 0 ? null : pending.remove(seq);
        if (r != null) {
            r.session().send(new ErrorFrame(r.frame().rid(), ErrorCode.OVERLOADED, "cluster: Redis at "
                    + link.health().redis() + " appended the request at " + id + " in room " + roomId
                    + ", a place another event has here (Redis lost the room's data); it did not happen"));
        }
    }

    /**
     * Applies one event of the room's log; {@code inSnapshot}: its membership change is in this node's snapshot.
     *
     * @throws JournalUnavailableException when the journal refuses what the event changes: the event is
     *     not applied (the log applies it again later); this node's request, if it is one, is answered
     *     with the journal's error
     */
    void apply(Room room, ClusterEvent e, boolean inSnapshot) {
        if (commit.holding()) {
            commit.commit(); // messages of the same read (or held ones) applied just before: answered and delivered first
        }
        RoomEvent event = e.event();
        Request request = node.equals(event.node()) && event.seq() != 0 ? pending.remove(event.seq()) : null;
        try {
            apply(room, e, event, inSnapshot, request);
        } catch (JournalUnavailableException refused) {
            if (request != null) {
                request.session().send(new ErrorFrame(request.frame().rid(), refused.code(), refused.getMessage()));
            }
            throw refused;
        }
    }

    private void apply(Room room, ClusterEvent e, RoomEvent event, boolean inSnapshot, Request request) {
        if (event instanceof Joined j) {
            joined(room, e, j, inSnapshot, request);
        } else if (event instanceof Left l) {
            left(room, l, inSnapshot);
        } else if (event instanceof Proposed p) {
            proposed(room, e, p, request);
        } else if (event instanceof Voted v) {
            voted(room, v, inSnapshot, request);
        } else if (event instanceof Expired x) {
            Decision d = room.decisions().get(x.decision());
            if (d != null) {
                decisions.expired(room, d);
            }
        }
    }

    private void joined(Room room, ClusterEvent e, Joined j, boolean inSnapshot, Request request) {
        Map<String, Long> keys = rejoining.get(room.id());
        if (keys != null && keys.remove(j.key()) != null && keys.isEmpty()) {
            rejoining.remove(room.id());
        }
        if (!inSnapshot) {
            members.join(room.id(), j.key(), new ClusterMembers.Entry(j.client(), j.role(), j.weight(), j.order()));
        }
        if (request == null) {
            membership.announce(room, new Presence(room.id(), j.client(), j.role(), Presence.Event.JOINED), null);
            return;
        }
        Session session = request.session();
        Join join = (Join) request.frame();
        if (!session.channel().isActive()) { // it closed before its join was applied
            appendLeave(room.id(), room.lastOffset(), new Left(j.key(), j.client(), j.role(), j.weight()));
            return;
        }
        membership.admit(session, join, room, members.list(room.id()), e.epoch(), recovered(join, e));
    }

    /** Whether the room's history after the join's {@code since} is whole in this epoch ({@code null} without since). */
    static Boolean recovered(Join join, ClusterEvent e) {
        if (join.since() == Join.NO_SINCE) {
            return null;
        }
        return e.epoch().equals(join.epoch()) || join.since() >= Math.max(1, e.epochFirst()) - 1;
    }

    private void left(Room room, Left l, boolean inSnapshot) {
        ClusterMembers.Entry gone = inSnapshot ? null : members.leave(room.id(), l.key());
        if (gone != null) {
            membership.announce(room, new Presence(room.id(), gone.client(), gone.role(), Presence.Event.LEFT), null);
        }
        if (node.equals(l.node())) {
            Membership still = localMember(room, ClusterMembers.session(l.key()));
            if (still != null) { // this node was taken for dead while its member is here: it joins again
                LOG.warn("cluster: member {} of room {} was removed while connected here; it joins again", l.key(),
                        room.id());
                rejoin(room, new Joined(node, 0, still.session().id(), l.client(), still.role(), still.weight()));
            }
        }
    }

    private static Membership localMember(Room room, String sessionId) {
        for (Membership m : room.members()) {
            if (m.session().id().equals(sessionId)) {
                return m;
            }
        }
        return null;
    }

    private void proposed(Room room, ClusterEvent e, Proposed p, Request request) {
        String id = "d-" + e.number();
        if (room.decisions().containsKey(id)) {
            return; // applied before (this node read the log again after a restart)
        }
        Propose propose = request != null ? (Propose) request.frame()
                : new Propose(null, room.id(), p.title(), p.rule(), p.quorum(), Propose.NO_DEADLINE);
        decisions.open(room, id, propose, p.deadlineAtMs(), p.client(), request == null ? null : request.session());
    }

    /**
     * Counts a vote. A vote at or before this node's snapshot was counted by the other nodes when the
     * room's membership was another than the snapshot's, which is all this node knows: it is only
     * recorded (see {@link DecisionHandler#recorded}), never counted against today's members.
     */
    private void voted(Room room, Voted v, boolean inSnapshot, Request request) {
        Decision d = room.decisions().get(v.decision());
        if (inSnapshot && request == null) {
            if (d != null) {
                decisions.recorded(room, d, v.client(), v.choice(), v.weight());
            }
            return;
        }
        if (d == null) {
            if (request != null) {
                request.session().send(new ErrorFrame(request.frame().rid(), ErrorCode.NOT_FOUND,
                        "field 'decision': no decision '" + v.decision() + "' in room '" + room.id() + "'"));
            }
            return;
        }
        decisions.count(room, d, v.client(), v.choice(), v.weight(), request == null ? null : request.session(),
                request == null ? null : request.frame().rid());
    }

    /**
     * After every heartbeat: appends a leave for each member of this node whose session is gone, and a
     * join for each member here missing from the cluster's roster (see {@link RosterRepair}).
     */
    void reconcile() {
        long now = System.nanoTime();
        long stale = TimeUnit.MILLISECONDS.toNanos(rooms.maxWaitMs());
        rejoining.values().forEach(keys -> keys.values().removeIf(since -> now - since > stale));
        rejoining.values().removeIf(Map::isEmpty);
        for (Room room : state.rooms()) {
            if (room.isSystem()) {
                continue;
            }
            RosterRepair.Repairs repairs = RosterRepair.of(node, room.members(), members.members(room.id()),
                    rejoining.getOrDefault(room.id(), Map.of()).keySet());
            for (Left l : repairs.leaves()) {
                appendLeave(room.id(), room.lastOffset(), l);
            }
            for (Joined j : repairs.joins()) {
                LOG.warn("cluster: member {} of room {} is connected here but not in the cluster's members; it joins"
                        + " again", j.key(), room.id());
                rejoin(room, j);
            }
        }
    }

    /** Appends the join of a member of this node again, unless its re-join is on its way already. */
    private void rejoin(Room room, Joined rejoined) {
        Joined again = rejoined.withOrder(nextOrder());
        Map<String, Long> keys = rejoining.computeIfAbsent(room.id(), r -> new HashMap<>());
        if (keys.putIfAbsent(again.key(), System.nanoTime()) != null) {
            return;
        }
        String roomId = room.id();
        Left undo = new Left(again.key(), again.client(), again.role(), again.weight(), again.order());
        try {
            link.append(roomId, room.lastOffset(), EventCodec.payload(again), "add", again.key(),
                    EventCodec.payload(undo), -1).whenComplete((result, failure) -> sequencer.submitInternal(
                            new RejoinAppended(this, roomId, again.key(), result, failure)));
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            rejoinAppended(roomId, again.key(), null, e);
        }
    }

    /** Redis appended (or failed to append) a re-join: a failed one is tried again at the next reconcile. */
    void rejoinAppended(String roomId, String key, List<Object> result, Throwable failure) {
        if (failure == null) {
            appended(roomId, 0, result, null);
            return;
        }
        Map<String, Long> keys = rejoining.get(roomId);
        if (keys != null) {
            keys.remove(key);
        }
        appended(roomId, 0, null, failure);
    }

    /** A re-join's outcome, handed back to the sequencer thread. */
    record RejoinAppended(RoomEvents events, String room, String key, List<Object> result, Throwable failure)
            implements Command {
        @Override
        public void run(Handlers h) {
            events.rejoinAppended(room, key, result, failure);
        }
    }

    /** A node that starts: loads every room's members with the log position they are valid at, then reads the logs. */
    void loadSnapshots() {
        try {
            link.rooms().whenComplete((ids, failure) -> sequencer.submitInternal(
                    new ClusterCommands.Rooms(this, ids, failure)));
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            sequencer.submitInternal(new ClusterCommands.Rooms(this, null, e));
        }
    }

    /**
     * The rooms' list (or the failure to read it): loads the snapshot of every room in it and of
     * this node's own rooms, each once; a failed list is read again after a back-off.
     */
    void loadSnapshots(Iterable<String> ids, Throwable failure) {
        List<String> all = new ArrayList<>();
        for (Room room : state.rooms()) {
            if (!room.isSystem()) {
                all.add(room.id());
            }
        }
        if (failure != null) {
            long delay = SnapshotRetry.delayMs(listAttempts++);
            LOG.warn("cluster: could not read the rooms' list in Redis (reading it again in {} ms): {}", delay,
                    failure.getMessage());
            link.schedule(this::loadSnapshots, delay);
        } else {
            for (String id : ids) {
                if (!all.contains(id)) {
                    all.add(id);
                }
            }
        }
        for (String id : all) {
            if (snapshotAttempts.putIfAbsent(id, 0) == null) {
                rooms.loading(id);
                loadSnapshot(id);
            }
        }
    }

    private void loadSnapshot(String id) {
        try {
            link.snapshot(id).whenComplete((result, f) -> sequencer.submitInternal(
                    new ClusterCommands.Snapshot(this, id, result, f)));
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            sequencer.submitInternal(new ClusterCommands.Snapshot(this, id, null, e));
        }
    }

    /** A room's members snapshot (or the failure to read it: the room stays loading and it is read again after a back-off). */
    void snapshot(String roomId, List<Object> result, Throwable failure) {
        if (failure != null) {
            int attempt = snapshotAttempts.merge(roomId, 1, Integer::sum);
            long delay = SnapshotRetry.delayMs(attempt - 1);
            LOG.warn("cluster: could not read room {}'s members in Redis (reading them again in {} ms): {}", roomId,
                    delay, failure.getMessage());
            link.schedule(() -> loadSnapshot(roomId), delay);
            return;
        }
        String epoch = (String) result.get(0);
        LogId at = LogId.parse((String) result.get(2));
        Map<String, ClusterMembers.Entry> snapshot = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object> fields = (List<Object>) result.get(3);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            try {
                if (EventCodec.event((String) fields.get(i + 1)) instanceof Left l) {
                    snapshot.put((String) fields.get(i), new ClusterMembers.Entry(l.client(), l.role(), l.weight(),
                            l.order()));
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("cluster: room {} has a member {} that is not one of ours", roomId, fields.get(i), e);
            }
        }
        members.replace(roomId, snapshot);
        rooms.loaded(roomId, at, epoch);
    }
}
