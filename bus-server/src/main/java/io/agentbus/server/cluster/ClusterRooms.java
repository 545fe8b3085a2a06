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
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's side of cluster mode (see the package's documentation): sends each publish to
 * Redis to be ordered, and applies the messages every node ordered, room by room in offset order.
 * Every method but the {@link RedisLink.Subscriber} ones runs on the sequencer thread.
 */
public final class ClusterRooms implements OffsetAuthority, RedisLink.Subscriber, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRooms.class);
    /** Messages read from a room's stream at once. */
    private static final int READ_PAGE = 1000;

    private final RedisLink link;
    private final String node;
    private final int maxPending;
    private final long timeoutMs;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<String, RoomArrivals> arrivals = new HashMap<>();
    private long lastSeq;
    private long dedupWindowMs;
    private BusState state;
    private Journal journal;
    private PublishHandler publish;
    private Sequencer sequencer;

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

    /** Subscribes to what the nodes order; what arrives waits in the sequencer's queue until it runs. */
    public void start(BusState state, Journal journal, PublishHandler publish, Sequencer sequencer) {
        this.state = state;
        this.journal = journal;
        this.publish = publish;
        this.sequencer = sequencer;
        link.subscribe(this);
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
     * will never be applied: the publish is refused rather than left unanswered.
     */
    void ordered(String roomId, long seq, List<Object> result, Throwable failure) {
        if (failure != null) {
            refuse(seq, failure);
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
            refuse(seq, new IllegalStateException("it was numbered " + offset + ", an offset room " + roomId
                    + " already has here (Redis lost the room's data)"));
            return;
        }
        link.schedule(() -> sequencer.submitInternal(new ClusterCommands.Check(this, roomId, offset)), timeoutMs);
    }

    private void refuse(long seq, Throwable failure) {
        Pending p = pending.remove(seq);
        if (p != null) {
            p.reply().send(new ErrorFrame(p.rid(), ErrorCode.OVERLOADED, "cluster: Redis at " + link.health().redis()
                    + " did not order the message, which is not acknowledged: " + failure.getMessage()));
        }
    }

    @Override
    public void arrived(ClusterEntry entry) {
        sequencer.submitInternal(new ClusterCommands.Arrived(this, entry));
    }

    @Override
    public void subscribed() {
        sequencer.submitInternal(new ClusterCommands.CatchUp(this));
    }

    /** Applies a message in its turn: holds it while an earlier one is missing, and reads the gap. */
    void take(ClusterEntry entry) {
        Room room = state.roomOrCreate(entry.room());
        RoomArrivals a = arrivals.computeIfAbsent(room.id(), r -> new RoomArrivals());
        long last = room.lastOffset();
        if (entry.offset() <= last) {
            return;
        }
        if (entry.offset() > last + 1) {
            a.hold(entry);
            read(room, a, entry.offset() - 1);
            return;
        }
        apply(room, a, entry);
        applyHeld(room, a);
    }

    private void applyHeld(Room room, RoomArrivals a) {
        for (ClusterEntry e = a.firstHeld(); e != null && e.offset() <= room.lastOffset() + 1; e = a.firstHeld()) {
            a.release(e);
            if (e.offset() == room.lastOffset() + 1) {
                apply(room, a, e);
            }
        }
    }

    /** Journals, acknowledges (when it is this node's) and delivers one message. */
    private void apply(Room room, RoomArrivals a, ClusterEntry entry) {
        a.epoch(entry);
        Pending p = node.equals(entry.node()) ? pending.remove(entry.seq()) : null;
        try {
            if (p == null) {
                publish.ordered(room, entry.toMsg(), null, null, null, null, PublishHandler.NOT_TIMED);
            } else {
                publish.ordered(room, entry.toMsg(), p.reply(), p.publisher(), p.rid(), p.sha256(), p.receivedNs());
            }
        } catch (JournalUnavailableException e) {
            LOG.warn("cluster: room {} offset {} not journaled here: {}", room.id(), entry.offset(), e.getMessage());
            if (p != null) {
                p.reply().send(new ErrorFrame(p.rid(), e.code(), e.getMessage()));
            }
        }
    }

    /** Reads the room's stream from the offset after its last up to {@code last}, unless a read is under way. */
    private void read(Room room, RoomArrivals a, long last) {
        if (a.reading()) {
            return;
        }
        a.reading(true);
        String roomId = room.id();
        long first = room.lastOffset() + 1;
        link.range(roomId, first, last, READ_PAGE).whenComplete((entries, failure) ->
                sequencer.submitInternal(new ClusterCommands.Read(this, roomId, first, last, entries, failure)));
    }

    /** Messages read from a room's stream: what Redis no longer has is skipped, the rest applied in turn. */
    void read(String roomId, long first, long last, List<ClusterEntry> entries, Throwable failure) {
        Room room = state.roomOrCreate(roomId);
        RoomArrivals a = arrivals.computeIfAbsent(roomId, r -> new RoomArrivals());
        a.reading(false);
        long before = room.lastOffset();
        if (failure != null) {
            LOG.warn("cluster: could not read room {} from offset {} in Redis: {}", roomId, first, failure.getMessage());
            return;
        }
        skipMissing(room, entries.isEmpty() ? (last == Long.MAX_VALUE ? 0 : last) : entries.get(0).offset() - 1);
        for (ClusterEntry e : entries) {
            take(e);
        }
        applyHeld(room, a);
        if (room.lastOffset() == before) {
            return; // nothing applied (the journal refuses appends): the next arrival tries again
        }
        boolean more = entries.size() == READ_PAGE && room.lastOffset() < last;
        ClusterEntry held = a.firstHeld();
        if (more || held != null && held.offset() > room.lastOffset() + 1) {
            read(room, a, more ? last : held.offset() - 1);
        }
    }

    /** Redis has none of the room's messages up to {@code lastMissing}: its stream was trimmed or lost. */
    private void skipMissing(Room room, long lastMissing) {
        if (lastMissing <= room.lastOffset()) {
            return;
        }
        LOG.error("cluster: room {} offsets {}..{} are not in Redis any more (trimmed or lost); skipped here",
                room.id(), room.lastOffset() + 1, lastMissing);
        RoomMark mark = new RoomMark(room.id(), lastMissing);
        state.apply(mark, journal.append(mark));
    }

    /** An own message Redis ordered at {@code offset} should have arrived by now; read it if not. */
    void check(String roomId, long offset) {
        Room room = state.room(roomId);
        if (room.lastOffset() < offset) {
            read(room, arrivals.computeIfAbsent(roomId, r -> new RoomArrivals()), offset);
        }
    }

    /** Reads every room's messages this node may have missed while it was not subscribed. */
    void catchUp() {
        for (Room room : state.rooms()) {
            if (!room.isSystem()) {
                read(room, arrivals.computeIfAbsent(room.id(), r -> new RoomArrivals()), Long.MAX_VALUE);
            }
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
