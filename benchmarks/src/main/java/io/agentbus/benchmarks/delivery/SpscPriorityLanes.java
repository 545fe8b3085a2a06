package io.agentbus.benchmarks.delivery;

import io.agentbus.protocol.Priority;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.SpscChunkedArrayQueue;
import org.jctools.queues.SpscUnboundedArrayQueue;

/**
 * The lanes of {@code DeliveryQueue}, built as the server builds them: a control lane and the four
 * priority lanes are JCTools {@code SpscChunkedArrayQueue}s that grow in chunks of
 * {@code min(64, capacity / 2)} slots up to their capacity, and the replay lane is an unbounded SPSC
 * queue in chunks of 128. The sequencer offers with {@code offer}; the event loop polls with
 * {@code relaxedPoll}: control, then replay, then the priorities, critical first. Only the live
 * lanes get frames here, so every poll pays for the two empty lanes checked before them, as the
 * server's does. (Rebuilt here because {@code DeliveryQueue} drains into a channel.)
 */
final class SpscPriorityLanes implements FrameQueue {
    static final String NAME = "spsc-lanes";
    private static final int LANE_CHUNK = 64;
    private static final int REPLAY_CHUNK = 128;

    private final MessagePassingQueue<Object> control;
    private final MessagePassingQueue<Object> replay = new SpscUnboundedArrayQueue<>(REPLAY_CHUNK);
    private final MessagePassingQueue<Object>[] lanes;

    @SuppressWarnings({"unchecked", "rawtypes"})
    SpscPriorityLanes(int capacityPerLane) {
        control = lane(capacityPerLane);
        lanes = new MessagePassingQueue[Priority.values().length];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = lane(capacityPerLane);
        }
    }

    private static MessagePassingQueue<Object> lane(int capacity) {
        return new SpscChunkedArrayQueue<>(Math.min(LANE_CHUNK, capacity / 2), capacity);
    }

    @Override
    public boolean offer(Priority priority, Object frame) {
        return lanes[priority.ordinal()].offer(frame);
    }

    @Override
    public Object poll() {
        Object frame = control.relaxedPoll();
        if (frame != null) {
            return frame;
        }
        frame = replay.relaxedPoll();
        if (frame != null) {
            return frame;
        }
        for (MessagePassingQueue<Object> lane : lanes) {
            frame = lane.relaxedPoll();
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }
}
