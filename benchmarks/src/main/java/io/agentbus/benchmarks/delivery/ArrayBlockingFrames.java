package io.agentbus.benchmarks.delivery;

import io.agentbus.protocol.Priority;
import java.util.concurrent.ArrayBlockingQueue;

/** One {@link ArrayBlockingQueue} in offer order: no priorities, the floor to compare with. */
final class ArrayBlockingFrames implements FrameQueue {
    static final String NAME = "array-blocking";

    private final ArrayBlockingQueue<Object> queue;

    ArrayBlockingFrames(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public boolean offer(Priority priority, Object frame) {
        return queue.offer(frame);
    }

    @Override
    public Object poll() {
        return queue.poll();
    }
}
