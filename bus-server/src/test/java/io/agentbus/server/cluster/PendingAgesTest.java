package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAgesTest {
    @Test
    void shouldHandOverTheRequestsOlderThanTheCutoffOldestFirstAndOnlyOnce() {
        PendingAges ages = new PendingAges();
        ages.added(1, 100);
        ages.added(2, 200);
        ages.added(3, 300);
        List<Long> old = new ArrayList<>();

        ages.sweep(200, old::add);
        ages.sweep(200, old::add);

        assertEquals(List.of(1L, 2L), old);
        ages.sweep(1000, old::add);
        assertEquals(List.of(1L, 2L, 3L), old);
    }
}
