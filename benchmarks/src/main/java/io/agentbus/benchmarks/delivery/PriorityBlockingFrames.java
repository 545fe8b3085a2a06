package io.agentbus.benchmarks.delivery;

import io.agentbus.protocol.Priority;
import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link PriorityBlockingQueue} ordered by priority, then by offer order (a sequence number,
 * since the heap is not stable). The queue is unbounded: a counter bounds it the way a delivery
 * queue must be bounded.
 */
final class PriorityBlockingFrames implements FrameQueue {
    static final String NAME = "priority-blocking";

    private static final Comparator<Entry> ORDER =
            Comparator.comparingInt(Entry::priority).thenComparingLong(Entry::sequence);

    private final PriorityBlockingQueue<Entry> queue;
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private long nextSequence;

    PriorityBlockingFrames(int capacity) {
        this.queue = new PriorityBlockingQueue<>(capacity, ORDER);
        this.capacity = capacity;
    }

    @Override
    public boolean offer(Priority priority, Object frame) {
        if (size.get() >= capacity) {
            return false;
        }
        size.incrementAndGet();
        return queue.offer(new Entry(priority.ordinal(), nextSequence++, frame));
    }

    @Override
    public Object poll() {
        Entry entry = queue.poll();
        if (entry == null) {
            return null;
        }
        size.decrementAndGet();
        return entry.frame();
    }

    private record Entry(int priority, long sequence, Object frame) {
    }
}
