package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.Setting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful close while a client is still publishing and a member is behind: every member gets
 * every acknowledged message, then close 1001 (not a reset, although the publisher was still
 * sending); {@code /health} says 503 while draining.
 */
class ShutdownIT {
    /** At most; the publisher stops when the server closes its connection. */
    private static final int MESSAGES = 20_000;
    private static final String BODY = "\"" + "y".repeat(8 * 1024) + "\"";
    /** 1,000 × 8 KiB = 8 MiB: more than a paused reader's socket buffers take, so frames wait on the server. */
    private static final int ACKS_BEFORE_CLOSE = 1_000;
    private static final String ROOM = "closing";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDeliverEveryAcknowledgedMessageThenCloseWithGoingAway() throws Exception {
        Map<Setting, Object> settings = Map.of(
                Setting.WRITE_BUFFER_LOW_BYTES, 8192,
                Setting.WRITE_BUFFER_HIGH_BYTES, 16384,
                Setting.DELIVERY_QUEUE_CAPACITY, 16384);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (TestServer server = TestServer.start(dir, settings);
             WsClient alice = server.hello("alice");
             WsClient bob = server.hello("bob");
             WsClient carol = server.hello("carol")) {
            URI health = URI.create("http://127.0.0.1:" + server.port() + "/health");
            assertEquals(200, http.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            join(alice, "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\",\"echo\":false}");
            join(bob, "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\"}");
            join(carol, "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\"}");
            bob.pauseReading();

            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(alice));
            List<Long> acked = new ArrayList<>();
            while (acked.size() < ACKS_BEFORE_CLOSE) {
                collectAck(alice.next(), acked);
            }
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);

            assertEquals(503, awaitHealthNotUp(http, health), "/health while draining");
            bob.resumeReading();
            closing.get(30, TimeUnit.SECONDS);
            publishing.handle((ok, error) -> null).get(30, TimeUnit.SECONDS);

            for (String frame : framesUntilClosed(alice)) {
                collectAck(frame, acked);
            }
            assertEquals(1001, alice.awaitClose());
            List<Long> toBob = received(bob);
            List<Long> toCarol = received(carol);
            assertEquals(1001, bob.awaitClose());
            assertEquals(1001, carol.awaitClose());
            assertDeliveredAll(acked, toBob, "bob");
            assertDeliveredAll(acked, toCarol, "carol");
        }
    }

    private static void join(WsClient client, String join) {
        client.send(join);
        client.reply("j");
    }

    /** Publishes back to back until the server closes the connection (sending then fails). */
    private static void publish(WsClient alice) {
        for (int i = 1; i <= MESSAGES && !alice.isClosed(); i++) {
            alice.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"" + ROOM + "\",\"body\":" + BODY + "}");
        }
    }

    private static void collectAck(String frame, List<Long> acked) {
        if (frame.contains("\"op\":\"ok\"") && frame.contains("\"rid\":\"p")) {
            acked.add(ServerFrames.parse(frame, Ok.class).offset());
        }
    }

    /** Polls {@code /health} on the kept-alive connection until it no longer answers 200. */
    private static int awaitHealthNotUp(HttpClient http, URI health) throws Exception {
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            int status = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            if (status != 200) {
                return status;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return fail("/health still 200 after " + WsClient.TIMEOUT);
    }

    /** Every frame the client got before the server closed it (the close comes after all of them). */
    private static List<String> framesUntilClosed(WsClient client) throws InterruptedException {
        List<String> frames = new ArrayList<>();
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String frame = client.poll(50);
            if (frame != null) {
                frames.add(frame);
            } else if (client.isClosed()) {
                return frames;
            }
        }
        return fail("the server did not close the connection within " + WsClient.TIMEOUT);
    }

    private static List<Long> received(WsClient client) throws InterruptedException {
        List<Long> offsets = new ArrayList<>();
        for (String frame : framesUntilClosed(client)) {
            assertFalse(frame.contains("\"op\":\"dropped\""), "nothing should be dropped here: " + frame);
            if (frame.contains("\"op\":\"msg\"")) {
                offsets.add(ServerFrames.parse(frame, Msg.class).offset());
            }
        }
        return offsets;
    }

    private static void assertDeliveredAll(List<Long> acked, List<Long> received, String member) {
        for (int i = 0; i < received.size(); i++) {
            assertEquals(i + 1, received.get(i), member + " got offsets out of order or with a gap");
        }
        long lastAcked = acked.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(acked.size() >= ACKS_BEFORE_CLOSE, "acks seen: " + acked.size());
        assertTrue(received.size() >= lastAcked, member + " got " + received.size()
                + " messages, but offsets up to " + lastAcked + " were acknowledged");
    }
}
