package io.agentbus.server.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SystemFeedTest {
    private static final long START_SECOND = 1_795_214_065L;

    private final SystemFeed feed = new SystemFeed(3, START_SECOND);

    @Test
    void shouldNumberMessagesFromTheStartSecondOn() {
        assertEquals(START_SECOND - 1, feed.lastOffset(), "empty");
        feed.append(frame(1));
        feed.append(frame(2));

        assertEquals(START_SECOND + 1, feed.lastOffset());
        assertArrayEquals(frame(1), feed.frame(START_SECOND));
        assertArrayEquals(frame(2), feed.frame(START_SECOND + 1));
        assertNull(feed.frame(START_SECOND + 2), "not yet");
        assertNull(feed.frame(START_SECOND - 1), "before the start");
    }

    @Test
    void shouldKeepOnlyTheNewestMessages() {
        for (int i = 1; i <= 5; i++) {
            feed.append(frame(i));
        }

        assertEquals(START_SECOND + 2, feed.firstKept());
        assertNull(feed.frame(START_SECOND + 1));
        assertArrayEquals(frame(3), feed.frame(START_SECOND + 2));
        assertArrayEquals(frame(5), feed.frame(START_SECOND + 4));
    }

    private static byte[] frame(int n) {
        return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
    }
}
