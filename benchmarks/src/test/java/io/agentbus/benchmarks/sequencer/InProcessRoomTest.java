package io.agentbus.benchmarks.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.server.config.Durability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One round of the fan-out benchmark outside JMH: what it counts is what the server sent. */
class InProcessRoomTest {
    private static final int MEMBERS = 5;
    private static final int MESSAGES = 20;

    @ParameterizedTest
    @EnumSource(Durability.class)
    void shouldAcknowledgeEveryPublishAndDeliverItToEveryMember(Durability durability) throws Exception {
        try (InProcessRoom room = new InProcessRoom(MEMBERS, 1, durability)) {
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
