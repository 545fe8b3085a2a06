package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnapshotRetryTest {
    @Test
    void shouldDoubleTheDelayUpToTheMost() {
        assertEquals(100, SnapshotRetry.delayMs(0));
        assertEquals(200, SnapshotRetry.delayMs(1));
        assertEquals(3200, SnapshotRetry.delayMs(5));
        assertEquals(5000, SnapshotRetry.delayMs(6));
        assertEquals(5000, SnapshotRetry.delayMs(Integer.MAX_VALUE));
    }
}
