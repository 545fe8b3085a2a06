package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Joining with {@code since} while a room is being published to: nothing lost or doubled at the seam. */
class ReplaySeamIT {
    private static final int MESSAGES = 10_000;
    private static final int BEFORE_JOIN = 5_000;
    private static final int BEFORE_JOIN_OK = 7_500;
    private static final String ROOM = "seam";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDeliverEveryOffsetOnceInOrderToAClientJoiningMidStream() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient publisher = server.hello("publisher");
             WsClient joiner = server.hello("joiner")) {
            CountDownLatch halfSent = new CountDownLatch(1);
            CompletableFuture<Ok> joined = new CompletableFuture<>();
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                publishRange(publisher, 1, BEFORE_JOIN);
                halfSent.countDown();
                publishRange(publisher, BEFORE_JOIN + 1, BEFORE_JOIN_OK);
                joined.orTimeout(WsClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
                publishRange(publisher, BEFORE_JOIN_OK + 1, MESSAGES);
            });

            assertTrue(halfSent.await(WsClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "publisher stuck");
            joiner.send("{\"op\":\"join\",\"rid\":\"j1\",\"room\":\"" + ROOM + "\",\"since\":0}");
            Ok ok = ServerFrames.parse(joiner.reply("j1"), Ok.class);
            joined.complete(ok);
            assertTrue(ok.offset() < MESSAGES, "the join should land mid-stream, but the room already had "
                    + ok.offset() + " messages");

            assertEveryOffsetOnceInOrder(joiner);
            publishing.get(WsClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Ok lastAck = ServerFrames.parse(publisher.reply("p" + MESSAGES), Ok.class);
            assertEquals(MESSAGES, lastAck.offset());
        }
    }

    /** Sends pubs back to back: acks are not awaited here, they come back while later pubs are sent. */
    private static void publishRange(WsClient publisher, int from, int to) {
        for (int i = from; i <= to; i++) {
            publisher.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"" + ROOM + "\",\"body\":{\"n\":" + i
                    + "}}");
        }
    }

    private static void assertEveryOffsetOnceInOrder(WsClient joiner) {
        long expected = 1;
        while (expected <= MESSAGES) {
            String frame = joiner.next();
            assertFalse(frame.contains("\"op\":\"dropped\""), "the joiner was sent a drop notice: " + frame);
            if (!frame.contains("\"op\":\"msg\"")) {
                continue;
            }
            Msg msg = ServerFrames.parse(frame, Msg.class);
            if (msg.offset() != expected) {
                fail((msg.offset() < expected ? "duplicate" : "gap") + ": expected offset " + expected + ", got "
                        + msg.offset());
            }
            assertEquals("{\"n\":" + expected + "}", msg.body().json());
            expected++;
        }
    }
}
