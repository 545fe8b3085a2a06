package io.agentbus.server.delivery;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The delivery queues that got frames since the sequencer last {@link #release released} them.
 * Instead of waking a connection's event loop for every frame it is offered (a task hand-off and
 * often an {@code eventfd} write each), the sequencer marks queues here while it runs a batch of
 * commands, then wakes each event loop once to drain all of its marked connections. Frames offered
 * together reach the socket together, in one write per connection.
 *
 * <p>Marking and releasing are confined to the owner thread (the sequencer); a queue signalled from
 * any other thread is drained at once through its own event loop instead.
 */
public final class DrainBatch {
    private final ConcurrentMap<EventLoop, LoopDrain> loops = new ConcurrentHashMap<>();
    private final List<LoopDrain> marked = new ArrayList<>();
    private volatile Thread owner;

    /** Makes the calling thread the one that marks and releases. */
    public void own() {
        owner = Thread.currentThread();
    }

    /** The drain task of this event loop, shared by its connections. Any thread. */
    LoopDrain loopDrain(EventLoop loop) {
        return loops.computeIfAbsent(loop, LoopDrain::new);
    }

    boolean isOwner() {
        return Thread.currentThread() == owner;
    }

    /** Marks {@code queue} for the next release. Owner thread only. */
    void mark(DeliveryQueue queue, LoopDrain loopDrain) {
        if (loopDrain.add(queue)) {
            marked.add(loopDrain);
        }
    }

    /** Wakes each event loop with marked queues once. Owner thread only; cheap when nothing is marked. */
    public void release() {
        for (int i = 0; i < marked.size(); i++) {
            marked.get(i).release();
        }
        marked.clear();
    }
}
