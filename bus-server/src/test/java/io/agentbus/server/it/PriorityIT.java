package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Under backlog on a connection, a critical message overtakes the low ones still queued on the server. */
class PriorityIT {
    private static final int LOW_MESSAGES = 2_000;
    /** 2,000 × 16 KiB = 32 MiB: far more than the socket buffers and the 16 KiB write buffer hold. */
    private static final String BODY = "{\"pad\":\"" + "x".repeat(16 * 1024) + "\"}";
    private static final String ROOM = "backlog";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDeliverCriticalBeforeLowMessagesQueuedOnTheServer() throws Exception {
        Map<Setting, Object> settings = Map.of(
                Setting.WRITE_BUFFER_LOW_BYTES, 8192,
                Setting.WRITE_BUFFER_HIGH_BYTES, 16384,
                Setting.DELIVERY_QUEUE_CAPACITY, 16384);
        try (TestServer server = TestServer.start(dir, settings);
             WsClient receiver = server.hello("slow-reader");
             WsClient publisher = server.hello("publisher")) {
            receiver.send("{\"op\":\"join\",\"rid\":\"j1\",\"room\":\"" + ROOM + "\"}");
            receiver.reply("j1");
            receiver.pauseReading();

            for (int i = 1; i <= LOW_MESSAGES; i++) {
                publisher.send("{\"op\":\"pub\",\"rid\":\"low" + i + "\",\"room\":\"" + ROOM
                        + "\",\"priority\":\"low\",\"body\":" + BODY + "}");
            }
            // The sequencer runs one command at a time: the critical pub, sent after the last low's ack, is
            // sequenced after every low was offered to the receiver's queue.
            assertEquals(LOW_MESSAGES, ServerFrames.parse(publisher.reply("low" + LOW_MESSAGES), Ok.class).offset());
            publisher.send("{\"op\":\"pub\",\"rid\":\"crit\",\"room\":\"" + ROOM
                    + "\",\"priority\":\"critical\",\"body\":{\"stop\":true}}");
            long criticalOffset = ServerFrames.parse(publisher.reply("crit"), Ok.class).offset();
            assertEquals(LOW_MESSAGES + 1, criticalOffset);

            receiver.resumeReading();
            List<Msg> received = receiveMessages(receiver, LOW_MESSAGES + 1);

            int criticalAt = indexOf(received, criticalOffset);
            assertTrue(criticalAt >= 0, "the critical message never arrived");
            assertEquals(Priority.CRITICAL, received.get(criticalAt).priority());
            int lowAfterCritical = received.size() - 1 - criticalAt;
            assertTrue(lowAfterCritical >= LOW_MESSAGES / 2, "the critical message came at position " + criticalAt
                    + " of " + received.size() + ": only " + lowAfterCritical + " low messages after it");
            assertLowInOffsetOrder(received, criticalAt);
        }
    }

    private static List<Msg> receiveMessages(WsClient receiver, int count) {
        List<Msg> received = new ArrayList<>(count);
        while (received.size() < count) {
            String frame = receiver.next();
            assertFalse(frame.contains("\"op\":\"dropped\""), "nothing should be dropped here: " + frame);
            if (frame.contains("\"op\":\"msg\"")) {
                received.add(ServerFrames.parse(frame, Msg.class));
            }
        }
        return received;
    }

    private static int indexOf(List<Msg> received, long offset) {
        for (int i = 0; i < received.size(); i++) {
            if (received.get(i).offset() == offset) {
                return i;
            }
        }
        return -1;
    }

    /** Within one priority, order is offset order: the lows, with the critical taken out, are 1..N. */
    private static void assertLowInOffsetOrder(List<Msg> received, int criticalAt) {
        long expected = 1;
        for (int i = 0; i < received.size(); i++) {
            if (i == criticalAt) {
                continue;
            }
            Msg msg = received.get(i);
            assertEquals(Priority.LOW, msg.priority(), "at position " + i);
            assertEquals(expected++, msg.offset(), "at position " + i);
        }
    }
}
