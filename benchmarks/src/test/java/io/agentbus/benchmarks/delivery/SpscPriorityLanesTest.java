package io.agentbus.benchmarks.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.Priority;
import io.agentbus.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class SpscPriorityLanesTest {

    @Test
    void shouldHandOutTheHighestPriorityFirstAndInOfferOrderWithinOne() {
        SpscPriorityLanes lanes = new SpscPriorityLanes(16);
        lanes.offer(Priority.LOW, "low");
        lanes.offer(Priority.NORMAL, "normal-1");
        lanes.offer(Priority.CRITICAL, "critical");
        lanes.offer(Priority.NORMAL, "normal-2");
        assertEquals("critical", lanes.poll());
        assertEquals("normal-1", lanes.poll());
        assertEquals("normal-2", lanes.poll());
        assertEquals("low", lanes.poll());
        assertNull(lanes.poll());
    }

    @Test
    void shouldRefuseAnOfferToAFullLaneOnlyAtItsCapacity() {
        SpscPriorityLanes lanes = new SpscPriorityLanes(256);
        for (int i = 0; i < 256; i++) {
            assertTrue(lanes.offer(Priority.NORMAL, i), "offer " + i);
        }
        assertFalse(lanes.offer(Priority.NORMAL, "one too many"));
        assertTrue(lanes.offer(Priority.HIGH, "another lane"));
    }

    @Test
    void shouldBenchmarkTheServersDefaultCapacity() throws Exception {
        int param = Integer.parseInt(DeliveryQueueBenchmark.class.getField("capacity")
                .getAnnotation(Param.class).value()[0]);
        assertEquals(ServerConfig.DEFAULT.deliveryQueueCapacity(), param);
    }
}
