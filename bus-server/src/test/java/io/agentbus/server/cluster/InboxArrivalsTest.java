package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboxArrivalsTest {
    @Test
    void shouldBeIdleOnlyWhenNothingIsHeldReadPublishedOrWaitedFor() {
        InboxArrivals a = new InboxArrivals();
        a.shared(7);
        assertTrue(a.idle(), "a hello that found its inbox here leaves only the shared cursor, which Redis has");

        a.reading(true);
        assertFalse(a.idle(), "a read is under way");
        a.reading(false);
        a.want(9);
        assertFalse(a.idle(), "a read should reach 9");
        a.want(0);
        a.addWaiting(new HelloWait(null, null, 3));
        assertFalse(a.idle(), "a session waits for its catch-up");
        a.waiting().clear();

        a.toPublish(8);
        assertFalse(a.idle(), "cursor 8 is still to reach Redis");
        a.publishing(true);
        a.shared(8);
        assertFalse(a.idle(), "a cursor write is under way");
        a.publishing(false);
        assertTrue(a.idle());
    }
}
