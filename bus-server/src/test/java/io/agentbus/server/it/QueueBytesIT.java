package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader that stops reading while large messages arrive is bounded by the bytes its queue holds,
 * long before the frame count of its lanes (16,384 each) matters: 200 messages of 64 KiB against a
 * budget of 1 MiB, of which normal messages may fill three quarters.
 */
class QueueBytesIT {
    private static final int MESSAGES = 200;
    private static final String BODY = "{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldDropNormalMessagesOnceTheByteBudgetIsSpentButKeepRoomForHighOnes() throws Exception {
        Map<Setting, Object> settings = Map.of(
                Setting.DELIVERY_QUEUE_BYTES, 1 << 20,
                Setting.WRITE_BUFFER_LOW_BYTES, 8192,
                Setting.WRITE_BUFFER_HIGH_BYTES, 16384);
        try (TestServer server = TestServer.start(dir, settings);
             WsClient slow = server.hello("slow");
             WsClient publisher = server.hello("publisher")) {
            slow.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"big\"}").reply("j");
            slow.pauseReading();
            publish(publisher, "normal", MESSAGES);
            MetricsIT.awaitMetrics(server, m -> m.value("agentbus_dropped_messages_total") > 0);
            publish(publisher, "high", 3);

            slow.resumeReading();
            String dropped = slow.await(f -> f.contains("\"op\":\"dropped\""));
            assertTrue(dropped.contains("\"room\":\"big\""), dropped);
            for (int i = 1; i <= 3; i++) {
                String rid = "high" + i;
                slow.await(f -> f.contains("\"priority\":\"high\"") && f.contains("\"id\":\"" + rid + "\""));
            }
            assertFalse(slow.isClosed(), "the high messages fit the quarter kept for them: no 4008");
        }
    }

    private static void publish(WsClient publisher, String priority, int count) {
        for (int i = 1; i <= count; i++) {
            publisher.send("{\"op\":\"pub\",\"rid\":\"" + priority + i + "\",\"id\":\"" + priority + i
                    + "\",\"room\":\"big\",\"priority\":\"" + priority + "\",\"body\":" + BODY + "}");
        }
        publisher.reply(priority + count);
    }
}
