package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the real daemon ({@link Daemon}) while 500 connections are open and four of them
 * publish with acknowledgements: every connection gets close 1001, the process exits 0, and after
 * a restart every acknowledged message is in the history at the offset its {@code ok} named.
 */
class GracefulStopIT {
    private static final int CONNECTIONS = 500;
    private static final int PUBLISHERS = 4;
    private static final String ROOM = "stopping";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldCloseEveryConnectionWithGoingAwayExitZeroAndLoseNothingAcknowledged() throws Exception {
        Path dataDir = dir.resolve("data");
        int port = Daemon.freePort();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<WsClient> members = new ArrayList<>();
        List<AckingPublisher> publishers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (Daemon daemon = Daemon.startHealthy(port, dataDir, dir.resolve("daemon.log"))) {
            for (int i = 0; i < CONNECTIONS - PUBLISHERS; i++) {
                WsClient member = WsClient.hello(http, port, "member-" + i);
                member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\"}");
                members.add(member);
            }
            for (WsClient member : members) {
                member.reply("j");
            }
            CountDownLatch everyoneAcked = new CountDownLatch(PUBLISHERS);
            for (int i = 0; i < PUBLISHERS; i++) {
                AckingPublisher p = new AckingPublisher("pub-" + i, WsClient.hello(http, port, "pub-" + i), ROOM,
                        "pub-" + i, everyoneAcked);
                publishers.add(p);
                Thread t = new Thread(p, "graceful-stop-" + p.client);
                threads.add(t);
                t.start();
            }
            assertTrue(everyoneAcked.await(WsClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                    "not every publisher got an ok");

            assertEquals(0, daemon.stop(), "exit status after SIGTERM:\n" + daemon.log());

            for (Thread t : threads) {
                t.join(WsClient.TIMEOUT.toMillis());
            }
            for (AckingPublisher p : publishers) {
                assertNull(p.failure, () -> p.client + " failed: " + p.failure);
                assertEquals(1001, p.ws.awaitClose(), p.client + "'s close code");
            }
            for (WsClient member : members) {
                assertEquals(1001, member.awaitClose(), "a member's close code");
            }
        } finally {
            members.forEach(WsClient::close);
            publishers.forEach(p -> p.ws.close());
        }
        Map<String, Long> acknowledged = new HashMap<>();
        publishers.forEach(p -> acknowledged.putAll(p.acks));
        try (Daemon daemon = Daemon.startHealthy(port, dataDir, dir.resolve("restart.log"));
             WsClient reader = WsClient.hello(port, "reader")) {
            Map<String, Long> stored = history(reader);
            acknowledged.forEach((body, offset) -> assertEquals(offset, stored.get(body),
                    "acknowledged message " + body + " after the restart"));
            assertEquals(0, daemon.stop());
        }
    }

    /** The room's whole history: each message's body JSON and its offset. */
    private static Map<String, Long> history(WsClient reader) {
        Map<String, Long> offsetByBody = new HashMap<>();
        long since = 0;
        HistoryReply page;
        do {
            String rid = "h" + since;
            reader.send("{\"op\":\"history\",\"rid\":\"" + rid + "\",\"room\":\"" + ROOM + "\",\"since\":" + since
                    + ",\"limit\":1000}");
            page = ServerFrames.parse(reader.reply(rid), HistoryReply.class);
            for (Msg msg : page.messages()) {
                offsetByBody.put(msg.body().json(), msg.offset());
                since = msg.offset();
            }
        } while (page.more());
        return offsetByBody;
    }
}
