package io.agentbus.server.delivery;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.SpscUnboundedArrayQueue;

/**
 * One event loop's share of a {@link DrainBatch}: the sequencer collects the loop's marked queues,
 * hands them over on release through a single-producer single-consumer queue, and schedules one
 * task that drains them all, unless one is already scheduled.
 */
final class LoopDrain implements Runnable {
    private static final int HANDOVER_CHUNK = 256;

    private final EventLoop loop;
    private final List<DeliveryQueue> pending = new ArrayList<>();
    private final SpscUnboundedArrayQueue<DeliveryQueue> handedOver = new SpscUnboundedArrayQueue<>(HANDOVER_CHUNK);
    private final AtomicBoolean scheduled = new AtomicBoolean();

    LoopDrain(EventLoop loop) {
        this.loop = loop;
    }

    /** Sequencer side; {@code true} when this is the loop's first queue since its last release. */
    boolean add(DeliveryQueue queue) {
        pending.add(queue);
        return pending.size() == 1;
    }

    /** Sequencer side: hands the marked queues to the event loop and makes sure it will drain them. */
    void release() {
        for (int i = 0; i < pending.size(); i++) {
            DeliveryQueue queue = pending.get(i);
            queue.unmark();
            handedOver.offer(queue);
        }
        pending.clear();
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    /** Event loop side: drains every queue handed over so far. */
    @Override
    public void run() {
        scheduled.set(false);
        for (DeliveryQueue queue = handedOver.relaxedPoll(); queue != null; queue = handedOver.relaxedPoll()) {
            queue.drain();
        }
    }
}
