package io.agentbus.benchmarks.delivery;

import io.agentbus.protocol.Priority;

/** A bounded queue of outbound frames that hands the highest priority out first (if it can). */
interface FrameQueue {
    /** {@code false} when the queue is full. Producer thread only. */
    boolean offer(Priority priority, Object frame);

    /** The next frame, or {@code null} when there is none. Consumer thread only. */
    Object poll();

    /** Makes the structure named on the benchmark's command line. */
    static FrameQueue create(String structure, int capacity) {
        return switch (structure) {
            case SpscPriorityLanes.NAME -> new SpscPriorityLanes(capacity);
            case PriorityBlockingFrames.NAME -> new PriorityBlockingFrames(capacity);
            case ArrayBlockingFrames.NAME -> new ArrayBlockingFrames(capacity);
            default -> throw new IllegalArgumentException("unknown structure '" + structure + "'");
        };
    }
}
