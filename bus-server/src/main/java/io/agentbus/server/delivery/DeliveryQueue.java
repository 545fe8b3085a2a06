package io.agentbus.server.delivery;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.server.metrics.BusMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.SpscChunkedArrayQueue;
import org.jctools.queues.SpscUnboundedArrayQueue;

/**
 * One connection's outbound frames. The sequencer is the only producer; the connection's event
 * loop is the only consumer, so every lane is a single-producer single-consumer JCTools queue.
 *
 * <p>Lanes drain in this order: control (replies, presence, decisions, notices), replay (history
 * sent on join and inbox catch-up, always older than anything live), then the four priorities,
 * critical first. Within a lane, order is offer order. Draining stops while the channel is not
 * writable (its write buffer is above the high water mark), so under backlog frames wait here,
 * where a higher priority can still overtake a lower one, rather than in the socket buffer.
 *
 * <p>Room messages that find their lane full are not queued: {@link #recordDrop} notes them
 * and the next drain tells the client with {@code dropped} frames before anything else.
 *
 * <p>Items are encoded frames ({@link ByteBuf}, one reference owned by this queue) or
 * {@link InboxFrame}s, whose write completion is reported to the {@link InboxWriteListener}.
 * Items of the priority lanes carry the time they were offered ({@link FrameEncoder#wrapSequenced}):
 * writing one records its wait in the {@link BusMetrics} delivery latency of its priority.
 *
 * <p><b>Byte budget.</b> Besides its lane's capacity in frames, a live frame (room or direct, any
 * priority) must fit the connection's byte budget: the readable bytes of every live frame this
 * queue holds a reference to, counted per reference (a frame shared by 500 members counts in each
 * of their budgets). Lower priorities may fill only part of it, so a flood of them leaves room for
 * higher ones: {@code low} up to {@link #LOW_SHARE} of the budget, {@code normal} up to
 * {@link #NORMAL_SHARE}, {@code high} and {@code critical} up to all of it. A frame that does not
 * fit is refused like one whose lane is full; a frame is always admitted when no live bytes are
 * queued, so a frame larger than the budget still gets through to a reader that keeps up. Control
 * and replay frames are not counted: replies are bounded by the control lane, replay by the join
 * that asked for it.
 *
 * <p>The two threads share the count without a lock and without a read-modify-write: each side
 * has its own monotonic counter that only it writes. The sequencer adds a frame's bytes to
 * {@link #offeredBytes}, a plain field no other thread reads, after the lane accepted the frame.
 * The event loop adds the bytes of each live frame it writes (or discards) to
 * {@link #releasedTotal}, plain, and publishes that total once per drain into
 * {@link #releasedBytes} with an ordered store ({@code lazySet}: no fence, the value becomes
 * visible soon after). The sequencer reads it with a volatile load. Queued bytes are
 * {@code offeredBytes - releasedBytes}; the sequencer can only see a stale, smaller released
 * total, never one counting frames it has not offered, so the figure errs on the high side: a
 * frame may be refused a drain too early, never admitted over the budget. Per message that is one
 * volatile load and plain arithmetic on each side, nothing allocated.
 */
public final class DeliveryQueue {
    private static final int MAX_WRITES_PER_DRAIN = 4096;
    private static final int REPLAY_CHUNK = 128;
    /**
     * Lanes grow in chunks of this many slots up to their capacity: an idle connection holds a few
     * hundred bytes of queue instead of the full capacity (16,384 slots per lane by default, 320 KiB
     * for five lanes when preallocated).
     */
    private static final int LANE_CHUNK = 64;
    /**
     * The control lane (replies, notices) holds at least this many frames whatever the lane
     * capacity: the sequencer queues a whole batch of replies before the event loop drains any
     * (see {@link DrainBatch}), and a full control lane closes the connection as a slow consumer.
     */
    private static final int MIN_CONTROL_CAPACITY = 1024;
    private static final Priority[] PRIORITIES = Priority.values();
    /** What {@link #polledLane} holds for an item of the control or replay lane. */
    private static final int NOT_LIVE = -1;
    /** Writes timed with one reading of the clock: the clock costs about as much as the rest of the timing. */
    private static final int WRITES_PER_CLOCK_READ = 64;
    /** The share of the byte budget that {@code low} frames may fill. */
    static final double LOW_SHARE = 0.5;
    /** The share of the byte budget that {@code normal} frames may fill. */
    static final double NORMAL_SHARE = 0.75;

    private final Channel channel;
    private final FrameEncoder encoder;
    private final InboxWriteListener inboxListener;
    private final DropLedger drops = new DropLedger();
    private final SpscChunkedArrayQueue<ByteBuf> control;
    private final SpscUnboundedArrayQueue<Object> replay = new SpscUnboundedArrayQueue<>(REPLAY_CHUNK);
    private final MessagePassingQueue<Object>[] lanes;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    private final DrainBatch batch;
    private final LoopDrain loopDrain;
    private final BusMetrics metrics;
    private boolean marked;
    private Object held;
    private int heldLane;
    /** The priority lane the item {@link #poll()} returned came from, or {@link #NOT_LIVE}. */
    private int polledLane;
    /** Bytes written in the current drain, counted once at its end. */
    private long drainedBytes;
    /** The write time of live frames: read at the first of each {@link #WRITES_PER_CLOCK_READ}. */
    private long writtenAtNs;
    private int timedWrites;
    /** Queued live bytes up to which a frame of each priority (by ordinal) is admitted. */
    private final long[] byteLimits;
    /** Bytes of live frames ever offered. Sequencer thread only. */
    private long offeredBytes;
    /** Bytes of live frames ever written or discarded. Event loop only; published per drain. */
    private long releasedTotal;
    /** {@link #releasedTotal} as last published: written by the event loop, read by the sequencer. */
    private final AtomicLong releasedBytes = new AtomicLong();

    @SuppressWarnings({"unchecked", "rawtypes"})
    public DeliveryQueue(Channel channel, int capacityPerLane, long byteBudget, FrameEncoder encoder,
                         InboxWriteListener inboxListener, DrainBatch batch, BusMetrics metrics) {
        this.channel = channel;
        this.byteLimits = byteLimits(byteBudget);
        this.metrics = metrics;
        this.batch = batch;
        this.loopDrain = batch.loopDrain(channel.eventLoop());
        this.encoder = encoder;
        this.inboxListener = inboxListener;
        this.control = lane(Math.max(capacityPerLane, MIN_CONTROL_CAPACITY));
        this.lanes = new MessagePassingQueue[Priority.values().length];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = lane(capacityPerLane);
        }
    }

    private static long[] byteLimits(long budget) {
        long[] limits = new long[PRIORITIES.length];
        limits[Priority.CRITICAL.ordinal()] = budget;
        limits[Priority.HIGH.ordinal()] = budget;
        limits[Priority.NORMAL.ordinal()] = (long) (budget * NORMAL_SHARE);
        limits[Priority.LOW.ordinal()] = (long) (budget * LOW_SHARE);
        return limits;
    }

    private static <T> SpscChunkedArrayQueue<T> lane(int capacity) {
        return new SpscChunkedArrayQueue<>(Math.min(LANE_CHUNK, capacity / 2), capacity);
    }

    /** Queues a reply or notice. Sequencer thread only; {@code false} when the lane is full. */
    public boolean offerControl(ByteBuf frame) {
        return control.offer(frame);
    }

    /** Queues a replayed frame or inbox catch-up, ahead of every live frame. Sequencer thread only. */
    public void offerReplay(Object item) {
        replay.offer(item);
    }

    /**
     * Queues a live frame at its priority. Sequencer thread only.
     *
     * @return {@code false} when that priority's lane is full or the frame does not fit its share
     *     of the byte budget; the item is then still the caller's
     */
    public boolean offer(Priority priority, Object item) {
        int bytes = frameOf(item).readableBytes();
        long queued = offeredBytes - releasedBytes.get();
        if (queued > 0 && queued + bytes > byteLimits[priority.ordinal()]) {
            return false;
        }
        if (!lanes[priority.ordinal()].offer(item)) {
            return false;
        }
        offeredBytes += bytes;
        return true;
    }

    /** Live bytes queued as the sequencer sees them (possibly a drain late). Sequencer thread only. */
    long queuedBytes() {
        return offeredBytes - releasedBytes.get();
    }

    private static ByteBuf frameOf(Object item) {
        return item instanceof InboxFrame inbox ? inbox.frame() : (ByteBuf) item;
    }

    /**
     * Notes a room message that could not be queued; the client is told with a {@code dropped}
     * frame (coalesced per room) ahead of anything else the next drain writes. Sequencer thread.
     */
    public void recordDrop(String room, long offset) {
        metrics.dropped();
        drops.record(room, offset);
        signal();
    }

    /**
     * Call after offering. On the sequencer thread, the queue is drained once the sequencer
     * releases its {@link DrainBatch} (at the latest when it ends its duty cycle); on any other
     * thread, a drain is scheduled on the channel's event loop at once.
     */
    public void signal() {
        if (!batch.isOwner()) {
            scheduleDrain();
        } else if (!marked) {
            marked = true;
            batch.mark(this, loopDrain);
        }
    }

    /** The sequencer handed this queue to its event loop: the next signal marks it again. */
    void unmark() {
        marked = false;
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drainTask);
        }
    }

    /** Writes queued frames while the channel is writable, highest lane first, then flushes once. */
    public void drain() {
        drainScheduled.set(false);
        if (!channel.isActive()) {
            discardAll();
            return;
        }
        int written = 0;
        if (drops.isPending() && channel.isWritable()) {
            written += writeDropNotices();
        }
        timedWrites = 0;
        while (channel.isWritable() && written < MAX_WRITES_PER_DRAIN) {
            Object item = poll();
            if (item == null) {
                break;
            }
            write(item);
            written++;
        }
        if (written > 0) {
            channel.flush();
            countDrainedBytes();
        }
        if (written == MAX_WRITES_PER_DRAIN) {
            scheduleDrain();
        }
    }

    /** Writes everything still queued, ignoring writability: for a graceful close. Event loop only. */
    public void drainAll() {
        drainScheduled.set(false);
        timedWrites = 0;
        for (Object item = poll(); item != null; item = poll()) {
            write(item);
        }
        channel.flush();
        countDrainedBytes();
    }

    private void countDrainedBytes() {
        metrics.bytesSent(drainedBytes);
        drainedBytes = 0;
        releasedBytes.lazySet(releasedTotal);
    }

    private int writeDropNotices() {
        List<Dropped> notices = drops.take();
        for (int i = 0; i < notices.size(); i++) {
            channel.write(new TextWebSocketFrame(encoder.encode(notices.get(i))), channel.voidPromise());
        }
        return notices.size();
    }

    private Object poll() {
        polledLane = NOT_LIVE;
        Object item = control.relaxedPoll();
        if (item != null) {
            return item;
        }
        item = replay.relaxedPoll();
        if (item != null) {
            return item;
        }
        if (held != null) {
            item = held;
            held = null;
            polledLane = heldLane;
            return item;
        }
        for (int lane = 0; lane < lanes.length; lane++) {
            item = lanes[lane].relaxedPoll();
            if (item != null) {
                polledLane = lane;
                return holdBehindReplay(item);
            }
        }
        return null;
    }

    /**
     * The sequencer queues a join's replay before any later live frame, but the replay lane was
     * read before the live lanes: if replay arrived in between, the live frame waits for it.
     */
    private Object holdBehindReplay(Object live) {
        Object replayed = replay.relaxedPoll();
        if (replayed == null) {
            return live;
        }
        held = live;
        heldLane = polledLane;
        polledLane = NOT_LIVE;
        return replayed;
    }

    private void write(Object item) {
        if (item instanceof InboxFrame inbox) {
            recordWrite(inbox.frame());
            writeInboxFrame(inbox);
        } else {
            ByteBuf frame = (ByteBuf) item;
            recordWrite(frame);
            channel.write(new TextWebSocketFrame(frame.duplicate()), channel.voidPromise());
        }
    }

    /** Before the write, which may release the frame. */
    private void recordWrite(ByteBuf frame) {
        int bytes = frame.readableBytes();
        drainedBytes += bytes;
        if (polledLane != NOT_LIVE) {
            releasedTotal += bytes;
            if (timedWrites++ % WRITES_PER_CLOCK_READ == 0) {
                writtenAtNs = System.nanoTime();
            }
            metrics.delivery(PRIORITIES[polledLane]).record(writtenAtNs - FrameEncoder.sequencedNs(frame));
        }
    }

    private void writeInboxFrame(InboxFrame inbox) {
        channel.write(new TextWebSocketFrame(inbox.frame().duplicate())).addListener(f -> {
            if (f.isSuccess()) {
                inboxListener.written(inbox.client(), inbox.inboxOffset());
            }
        });
    }

    private void discardAll() {
        for (Object item = poll(); item != null; item = poll()) {
            ByteBuf frame = frameOf(item);
            if (polledLane != NOT_LIVE) {
                releasedTotal += frame.readableBytes();
            }
            ReferenceCountUtil.release(frame);
        }
        releasedBytes.lazySet(releasedTotal);
    }
}
