package io.agentbus.benchmarks.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One round of the fan-out benchmark outside JMH: what it counts is what the server sent. */
class InProcessRoomTest {
    private static final int MEMBERS = 5;
    private static final int MESSAGES = 20;

    @Test
    void shouldAcknowledgeEveryPublishAndDeliverItToEveryMember() throws Exception {
        try (InProcessRoom room = new InProcessRoom(MEMBERS, 1)) {
            long delivered = room.publishAndAwait(MESSAGES);
            assertEquals((long) MEMBERS * MESSAGES, delivered);
            assertEquals(MESSAGES, room.acknowledged());
            assertEquals((long) MEMBERS * MESSAGES, room.delivered());
            room.publishAndAwait(MESSAGES);
            assertEquals(2L * MESSAGES, room.acknowledged());
            assertEquals(2L * MEMBERS * MESSAGES, room.delivered());
        }
    }
}
