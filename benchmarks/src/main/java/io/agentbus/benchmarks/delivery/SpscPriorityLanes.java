package io.agentbus.benchmarks.delivery;

import io.agentbus.protocol.Priority;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The live lanes of {@code DeliveryQueue}: one bounded SPSC array queue per priority, offered
 * with {@code offer} by the sequencer and polled critical-first with {@code relaxedPoll} by the
 * event loop. ({@code DeliveryQueue} polls its control and replay lanes first; empty here.)
 */
final class SpscPriorityLanes implements FrameQueue {
    static final String NAME = "spsc-lanes";

    private final MessagePassingQueue<Object>[] lanes;

    @SuppressWarnings({"unchecked", "rawtypes"})
    SpscPriorityLanes(int capacityPerLane) {
        lanes = new MessagePassingQueue[Priority.values().length];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new SpscArrayQueue<>(capacityPerLane);
        }
    }

    @Override
    public boolean offer(Priority priority, Object frame) {
        return lanes[priority.ordinal()].offer(frame);
    }

    @Override
    public Object poll() {
        for (MessagePassingQueue<Object> lane : lanes) {
            Object frame = lane.relaxedPoll();
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }
}
