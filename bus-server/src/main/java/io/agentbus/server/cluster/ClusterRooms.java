package io.agentbus.server.cluster;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import io.agentbus.server.journal.JournalUnavailableException;
import io.agentbus.server.room.PublishHandler;
import io.agentbus.server.room.Room;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Handlers;
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's side of cluster mode (see the package's documentation): sends each publish to
 * Redis to be ordered, and applies the messages every node ordered, room by room in offset order.
 * Every method but the {@link LogChannel.Subscriber} ones runs on the sequencer thread.
 */
public final class ClusterRooms implements OffsetAuthority, LogChannel.Subscriber<LogEntry>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRooms.class);
    /** Messages read from a room's stream at once. */
    private static final int READ_PAGE = 1000;
    /** A request waiting this many Redis timeouts for its entry is answered that its outcome is unknown. */
    static final int SWEEP_AFTER_TIMEOUTS = 4;
    /** How often a high-water mark is sent while Redis does not take it, spread over the settle time. */
    private static final int RAISE_ATTEMPTS = 10;
    private static final long RAISE_RETRY_MS = LogRecovery.SETTLE_MS / RAISE_ATTEMPTS;

    private final RedisLink link;
    private final String node;
    private final int maxPending;
    private final long timeoutMs;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final PendingAges ages = new PendingAges();
    private final Map<String, RoomArrivals> arrivals = new HashMap<>();
    private long lastSeq;
    private long dedupWindowMs;
    private BusState state;
    private Journal journal;
    private PublishHandler publish;
    private Sequencer sequencer;
    private RoomEvents events;
    private NodeLiveness liveness;
    private boolean snapshotsLoaded;
    private volatile boolean closed;
    /** The journal refused an entry during the read being applied. */
    private boolean journalRefused;
    /** A read of some room's stream failed: the next sweep reads every room again from its last message. */
    private boolean readFailed;

    /**
     * @param node       this node's name, unique among the nodes (a node tells its own messages by it)
     * @param maxPending publishes that may wait for Redis at once before more get {@code overloaded}
     */
    public ClusterRooms(String redisUri, long timeoutMs, int streamMaxLength, String node, int maxPending) {
        this.link = new RedisLink(redisUri, timeoutMs, streamMaxLength);
        this.node = node;
        this.maxPending = maxPending;
        this.timeoutMs = timeoutMs;
    }

    public ClusterHealth health() {
        return link.health();
    }

    /**
     * Connects to Redis: a node that cannot reach it does not start.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached
     */
    public void connect() {
        link.connect();
    }

    /**
     * Has Redis drop a repeated {@code (from, id)} within {@code windowMs} in every room, across
     * nodes ({@link ClusterDedup}); 0 (the default) leaves it to each node's own window.
     */
    public void deduplicate(long windowMs) {
        this.dedupWindowMs = windowMs;
    }

    /**
     * Direct messages ordered like room messages, in each recipient's inbox log, on this node's
     * Redis connections; {@link ClusterInboxes#start} starts them.
     */
    public ClusterInboxes inboxes(int maxPendingSends) {
        return new ClusterInboxes(new InboxLink(link), node, maxPendingSends, timeoutMs, dedupWindowMs);
    }

    /** The artifacts of every node, kept in Redis on a connection of their own. */
    public ClusterArtifacts artifacts() {
        return new ClusterArtifacts(link.connectBytes(), link.health().redis());
    }

    /**
     * Subscribes to what the nodes order (what arrives waits in the sequencer's queue until it
     * runs), and makes membership and decisions cluster-wide ({@link RoomEvents}): the handlers hand
     * their requests to the rooms' logs from now on.
     */
    public void start(Handlers handlers, Journal journal, Sequencer sequencer) {
        this.state = handlers.state();
        this.journal = journal;
        this.publish = handlers.publish();
        this.sequencer = sequencer;
        events = new RoomEvents(link, node, maxPending, this, state, handlers.membership(), handlers.decisions(),
                handlers.commit(), sequencer);
        handlers.membership().log(events);
        handlers.decisions().log(events);
        liveness = new NodeLiveness(link, node, timeoutMs, events);
        liveness.start(sequencer);
        link.subscribe(this);
        sweepLater();
    }

    /** How long a request may wait for its entry to be applied before it is answered that its outcome is unknown. */
    long maxWaitMs() {
        return SWEEP_AFTER_TIMEOUTS * timeoutMs;
    }

    private void sweepLater() {
        if (!closed) {
            try {
                link.schedule(() -> sequencer.submitInternal(new ClusterCommands.Sweep(this)), timeoutMs);
            } catch (RuntimeException e) { // the link closes
                LOG.debug("cluster: no sweep scheduled", e);
            }
        }
    }

    /** Answers the requests that waited longer than {@link #maxWaitMs()} with {@code overloaded}: outcome unknown. */
    void sweep() {
        long cutoff = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(maxWaitMs());
        ages.sweep(cutoff, seq -> {
            Pending p = pending.remove(seq);
            if (p != null) {
                p.reply().send(new ErrorFrame(p.rid(), ErrorCode.OVERLOADED, PendingAges.unknown("the publish",
                        maxWaitMs())));
            }
        });
        events.sweep(cutoff, maxWaitMs());
        if (readFailed) {
            readFailed = false;
            readAll();
        }
        sweepLater();
    }

    @Override
    public long next(Room room, Reply reply, Session publisher, String from, Pub pub, String sha256, long ts,
                     long receivedNs) {
        if (pending.size() >= maxPending) {
            reply.send(new ErrorFrame(pub.rid(), ErrorCode.OVERLOADED, "cluster: " + pending.size()
                    + " publishes already wait for Redis at " + link.health().redis()));
            return LATER;
        }
        long seq = ++lastSeq;
        pending.put(seq, new Pending(reply, publisher, pub.rid(), sha256, receivedNs));
        ages.added(seq, System.nanoTime());
        String roomId = room.id();
        try {
            String payload = EntryCodec.payload(node, seq, from, pub, ts);
            (pub.id() == null || dedupWindowMs == 0 ? link.order(roomId, room.lastOffset(), payload)
                    : link.orderOnce(roomId, room.lastOffset(), payload, ClusterDedup.key(roomId, from, pub.id()),
                    dedupWindowMs))
                    .whenComplete((result, failure) ->
                            sequencer.submitInternal(new ClusterCommands.Ordered(this, roomId, seq, result, failure)));
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            refuse(seq, e);
        }
        return LATER;
    }

    /**
     * Redis ordered (or failed to order) publish {@code seq}. An offset this room already applied
     * without it (Redis lost the room's counter and numbered from a floor that was stale by then)
     * will never be applied: the publish is refused rather than left unanswered. While the room
     * recovers from a loss of its data ({@link LogRecovery}) nothing was ordered: refused too.
     */
    void ordered(String roomId, long seq, List<Object> result, Throwable failure) {
        if (failure != null) {
            refuse(seq, failure);
            return;
        }
        if (LogRecovery.isRecovering(result)) {
            long waitMs = LogRecovery.waitMs(result);
            refuse(seq, LogRecovery.refusal("room " + roomId, waitMs), waitMs);
            return;
        }
        if (ClusterDedup.isDuplicate(result)) {
            Pending p = pending.remove(seq);
            if (p != null) {
                publish.duplicate(p.reply(), p.publisher(), state.roomOrCreate(roomId), p.rid(),
                        ClusterDedup.original(result), p.receivedNs());
            }
            return;
        }
        long offset = (Long) result.get(0);
        if (!pending.containsKey(seq)) {
            return;
        }
        if (state.room(roomId).lastOffset() >= offset) {
            refuseTaken(seq, roomId, offset);
            return;
        }
        checkLater(roomId, new LogId(offset, 0), seq, false);
    }

    /**
     * Checks after the timeout that an own entry at {@code id} arrived, for request {@code seq}
     * (0: none) of the publishes or, when {@code event}, of {@link RoomEvents}.
     */
    void checkLater(String roomId, LogId id, long seq, boolean event) {
        link.schedule(() -> sequencer.submitInternal(new ClusterCommands.Check(this, roomId, id, seq, event)),
                timeoutMs);
    }

    private void refuse(long seq, Throwable failure) {
        refuse(seq, RedisFailure.message(link.health().redis(), "the message", "is not acknowledged", failure),
                ErrorFrame.NO_RETRY_AFTER);
    }

    /** Publish {@code seq} was numbered {@code offset}, which this room applied for another message. */
    private void refuseTaken(long seq, String roomId, long offset) {
        refuse(seq, "cluster: Redis at " + link.health().redis() + " numbered the message " + offset + " in room "
                + roomId + ", an offset another message has here (Redis lost the room's data); not acknowledged",
                ErrorFrame.NO_RETRY_AFTER);
    }

    private void refuse(long seq, String message, long retryAfterMs) {
        Pending p = pending.remove(seq);
        if (p != null) {
            p.reply().send(new ErrorFrame(p.rid(), ErrorCode.OVERLOADED, message, retryAfterMs));
        }
    }

    @Override
    public void arrived(LogEntry entry) {
        sequencer.submitInternal(new ClusterCommands.Arrived(this, entry));
    }

    @Override
    public void subscribed() {
        sequencer.submitInternal(new ClusterCommands.CatchUp(this));
    }

    @Override
    public void recovering(String roomId) {
        LOG.warn("cluster: Redis lost room {}: nothing is numbered in it for {} ms while the nodes report how far"
                + " they hold it", roomId, LogRecovery.SETTLE_MS);
        sequencer.submitInternal(new ClusterCommands.Raise(this, roomId, 1));
    }

    /**
     * Tells Redis this node's high-water mark of the room (what it applied, or holds to apply), so
     * that a room Redis lost is numbered on above it ({@link LogRecovery}); tried again a few
     * times while Redis does not take it, through the barrier's settle time.
     */
    void raise(String roomId, int attempt) {
        Room room = state.room(roomId);
        RoomArrivals a = arrivals.get(roomId);
        long highWater = Math.max(room == null ? 0 : room.lastOffset(), a == null ? 0 : a.highestHeld());
        if (highWater == 0) {
            return;
        }
        try {
            link.raise(roomId, highWater).whenComplete((started, failure) -> {
                if (failure != null && attempt < RAISE_ATTEMPTS) {
                    link.schedule(() -> sequencer.submitInternal(new ClusterCommands.Raise(this, roomId,
                            attempt + 1)), RAISE_RETRY_MS);
                } else if (failure != null) {
                    LOG.warn("cluster: room {}'s high-water mark {} did not reach Redis: {}", roomId, highWater,
                            failure.getMessage());
                }
            });
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            LOG.warn("cluster: room {}'s high-water mark {} did not reach Redis: {}", roomId, highWater,
                    e.getMessage());
        }
    }

    /** Applies a message or event in its turn: holds it while an earlier one is missing (or read), and reads the gap. */
    void take(LogEntry entry) {
        Room room = state.roomOrCreate(entry.room());
        RoomArrivals a = arrivals(room.id());
        LogId id = entry.logId();
        if (isApplied(room, a, entry)) {
            return;
        }
        if (a.reading() || !a.isNext(room.lastOffset(), id)) {
            a.hold(entry);
            read(room, a, id);
            return;
        }
        if (apply(room, a, entry)) {
            applyHeld(room, a);
        }
    }

    /** Whether the entry is applied already; an event of a new epoch is not: Redis lost the log, its events count from 1 again. */
    private static boolean isApplied(Room room, RoomArrivals a, LogEntry entry) {
        LogId id = entry.logId();
        if (!id.isMessage() && id.offset() == room.lastOffset() && a.isNewEpoch(entry)
                && a.isApplied(room.lastOffset(), id)) {
            a.eventApplied(new LogId(id.offset(), id.n() - 1));
        }
        return a.isApplied(room.lastOffset(), id);
    }

    private RoomArrivals arrivals(String roomId) {
        return arrivals.computeIfAbsent(roomId, r -> new RoomArrivals());
    }

    private void applyHeld(Room room, RoomArrivals a) {
        for (LogEntry e = a.firstHeld(); e != null && !a.reading(); e = a.firstHeld()) {
            if (!isApplied(room, a, e)) {
                if (!a.isNext(room.lastOffset(), e.logId())) {
                    return;
                }
                a.release(e);
                if (!apply(room, a, e)) {
                    return;
                }
            } else {
                a.release(e);
            }
        }
    }

    /**
     * Applies a message or event; returns {@code false} when the journal refused it: it is not
     * applied, and is read and applied again at the room's next arrival.
     */
    private boolean apply(Room room, RoomArrivals a, LogEntry entry) {
        a.epoch(entry);
        if (entry instanceof ClusterEvent event) {
            try {
                events.apply(room, event, event.logId().compareTo(a.snapshotAt()) <= 0);
            } catch (JournalUnavailableException e) {
                LOG.warn("cluster: room {} event {} not journaled here: {}", room.id(), event.logId(), e.getMessage());
                journalRefused = true;
                a.refused(event.logId());
                return false;
            }
            a.eventApplied(event.logId());
            a.refused(null);
            return true;
        }
        boolean applied = apply(room, (ClusterEntry) entry);
        a.refused(applied ? null : entry.logId());
        return applied;
    }

    /** Journals, acknowledges (when it is this node's) and delivers one message; {@code false}: the journal refused it. */
    private boolean apply(Room room, ClusterEntry entry) {
        Pending p = node.equals(entry.node()) ? pending.remove(entry.seq()) : null;
        try {
            if (p == null) {
                publish.ordered(room, entry.toMsg(), null, null, null, null, PublishHandler.NOT_TIMED);
            } else {
                publish.ordered(room, entry.toMsg(), p.reply(), p.publisher(), p.rid(), p.sha256(), p.receivedNs());
            }
            return true;
        } catch (JournalUnavailableException e) {
            LOG.warn("cluster: room {} offset {} not journaled here: {}", room.id(), entry.offset(), e.getMessage());
            if (p != null) {
                p.reply().send(new ErrorFrame(p.rid(), e.code(), e.getMessage()));
            }
            journalRefused = true;
            return false;
        }
    }

    /** Reads the room's stream after what is applied, up to before {@code before} (or to its end), unless a read is under way. */
    private void read(Room room, RoomArrivals a, LogId before) {
        read(room, a, a.applied(room.lastOffset()), before);
    }

    /** Reads the room's stream after {@code after}, up to before {@code before} (or to its end), unless a read is under way. */
    private void read(Room room, RoomArrivals a, LogId after, LogId before) {
        if (a.reading()) {
            return;
        }
        a.reading(true);
        String roomId = room.id();
        link.range(roomId, after, before, READ_PAGE).whenComplete((entries, failure) ->
                sequencer.submitInternal(new ClusterCommands.Read(this, roomId, before, entries, failure)));
    }

    /** Entries read from a room's stream: what Redis no longer has is skipped, the rest applied in turn. */
    void read(String roomId, LogId before, List<LogEntry> entries, Throwable failure) {
        Room room = state.roomOrCreate(roomId);
        RoomArrivals a = arrivals(roomId);
        a.reading(false);
        if (failure != null) {
            LOG.warn("cluster: could not read room {} after {} in Redis: {}", roomId,
                    a.applied(room.lastOffset()), failure.getMessage());
            readFailed = true; // the next sweep reads every room again (the subscription may be back before commands)
            return;
        }
        LogId was = a.applied(room.lastOffset());
        LogId found = entries.isEmpty() ? before : entries.get(0).logId();
        if (found != null) {
            skipBefore(room, a, found);
        }
        journalRefused = false;
        for (LogEntry e : entries) {
            take(e);
            if (journalRefused) {
                return; // the rest is read again at the next arrival, not now and again at once
            }
        }
        applyHeld(room, a);
        if (journalRefused || a.applied(room.lastOffset()).equals(was)) {
            return; // nothing applied (the journal refuses appends): the next arrival tries again
        }
        LogEntry held = a.firstHeld();
        if (entries.size() == READ_PAGE) {
            read(room, a, before);
        } else if (held != null) {
            read(room, a, held.logId());
        }
    }

    /** Redis has nothing of the room between what is applied and {@code next}: trimmed or lost; skipped here. */
    private void skipBefore(Room room, RoomArrivals a, LogId next) {
        long last = room.lastOffset();
        if (a.isApplied(last, next) || a.isNext(last, next)) {
            return;
        }
        long lastMissing = next.isMessage() ? next.offset() - 1 : next.offset();
        if (lastMissing > last) {
            LOG.error("cluster: room {} offsets {}..{} are not in Redis any more (trimmed or lost); skipped here",
                    room.id(), last + 1, lastMissing);
            RoomMark mark = new RoomMark(room.id(), lastMissing);
            state.apply(mark, journal.append(mark));
        } else {
            LOG.error("cluster: room {} events after {} up to {} are not in Redis any more; skipped here",
                    room.id(), a.applied(last), next);
        }
        a.eventApplied(next.isMessage() ? new LogId(lastMissing, Long.MAX_VALUE) : new LogId(next.offset(),
                next.n() - 1));
        a.refused(null);
    }

    /**
     * An own entry Redis appended at {@code id} should have arrived by now; read it if not, and
     * check again while its request waits. When the room applied {@code id} without it (another
     * entry took the place: Redis lost the room's data), the request is refused: it never comes.
     */
    void check(String roomId, LogId id, long seq, boolean event) {
        Room room = state.roomOrCreate(roomId);
        RoomArrivals a = arrivals(roomId);
        if (a.isApplied(room.lastOffset(), id)) {
            if (!event) {
                refuseTaken(seq, roomId, id.offset());
            } else {
                events.taken(seq, roomId, id);
            }
            return;
        }
        read(room, a, null);
        if (seq != 0 && (event ? events.isPending(seq) : pending.containsKey(seq))) {
            checkLater(roomId, id, seq, event);
        }
    }

    /** Reads every room from its last message: the events after it may be of a new epoch, counted anew. */
    private void readAll() {
        for (Room room : state.rooms()) {
            if (!room.isSystem()) {
                read(room, arrivals(room.id()), new LogId(room.lastOffset(), 0), null);
            }
        }
    }

    /** Reads every room's entries this node may have missed while it was not subscribed. */
    void catchUp() {
        for (Room room : state.rooms()) {
            if (!room.isSystem()) {
                raise(room.id(), 1);
            }
        }
        if (!snapshotsLoaded) {
            snapshotsLoaded = true;
            events.loadSnapshots();
            return;
        }
        readAll();
        events.reconcile();
    }

    /** Starts loading a room's members snapshot: until it is in, what arrives for the room waits. */
    void loading(String roomId) {
        arrivals(roomId).reading(true);
    }

    /** A room's members snapshot is in, valid at {@code at}: reads the room's log after what is applied. */
    void loaded(String roomId, LogId at, String epoch) {
        Room room = state.roomOrCreate(roomId);
        RoomArrivals a = arrivals(roomId);
        a.snapshotAt(at);
        a.epoch(epoch);
        a.reading(false);
        read(room, a, null);
    }

    @Override
    public void close() {
        closed = true;
        if (liveness != null) {
            liveness.stop();
        }
        link.close();
    }
}
