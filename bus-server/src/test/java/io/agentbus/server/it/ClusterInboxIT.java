package io.agentbus.server.it;

import static io.agentbus.server.it.ClusterNodes.assertDirect;
import static io.agentbus.server.it.ClusterNodes.assertNothingMore;
import static io.agentbus.server.it.ClusterNodes.hello;
import static io.agentbus.server.it.ClusterNodes.node;
import static io.agentbus.server.it.ClusterNodes.send;
import static io.agentbus.server.it.ClusterNodes.sendOk;
import static io.agentbus.server.it.ServerFrames.assertError;
import static io.agentbus.server.it.ServerFrames.parse;
import static java.net.http.WebSocket.NORMAL_CLOSURE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Direct messages and inboxes in cluster mode: nodes in-process, each with its own journal, one real redis-server. */
class ClusterInboxIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void shouldDeliverADirectMessageSentOnOneNodeToTheRecipientOnAnother() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             TestServer b = node(dir, "b", redis);
             WsClient sender = a.hello("lead");
             WsClient recipient = b.hello("reviewer")) {
            for (int i = 1; i <= 20; i++) {
                sender.send(send("s" + i, "reviewer", null, "{\"n\":" + i + "}"));
            }

            for (int i = 1; i <= 20; i++) {
                assertEquals(i, parse(sender.reply("s" + i), Ok.class).offset());
            }
            for (int i = 1; i <= 20; i++) {
                Msg msg = ClusterNodes.nextMsg(recipient);
                assertEquals(i, msg.offset());
                assertEquals("reviewer", msg.to());
                assertEquals("lead", msg.from());
                assertEquals("{\"n\":" + i + "}", msg.body().json());
            }
            assertNothingMore(recipient);
        }
    }

    @Test
    void shouldNumberWhatBothNodesSendToOneRecipientContiguously() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             TestServer b = node(dir, "b", redis);
             WsClient onA = a.hello("lead-a");
             WsClient onB = b.hello("lead-b");
             WsClient recipient = b.hello("reviewer")) {
            for (int i = 0; i < 50; i++) {
                onA.send(send("a" + i, "reviewer", null, "\"a" + i + "\""));
                onB.send(send("b" + i, "reviewer", null, "\"b" + i + "\""));
            }
            for (int i = 0; i < 50; i++) {
                parse(onA.reply("a" + i), Ok.class);
                parse(onB.reply("b" + i), Ok.class);
            }

            for (int i = 1; i <= 100; i++) {
                assertEquals(i, ClusterNodes.nextMsg(recipient).offset());
            }
            try (WsClient later = hello(a, "reviewer", ",\"inbox_since\":0")) {
                for (int i = 1; i <= 100; i++) {
                    assertEquals(i, ClusterNodes.nextMsg(later).offset());
                }
                assertNothingMore(later);
            }
        }
    }

    @Test
    void shouldKeepTheInboxForARecipientThatConnectsLaterToANodeStartedAfterTheSend() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             WsClient sender = a.hello("lead")) {
            assertEquals(1, sendOk(sender, "s1", "reviewer", null, "\"one\"").offset());
            assertEquals(2, sendOk(sender, "s2", "reviewer", null, "\"two\"").offset());

            try (TestServer b = node(dir, "b", redis)) {
                try (WsClient recipient = b.hello("reviewer")) {
                    assertDirect(recipient, "reviewer", 1, "\"one\"");
                    assertDirect(recipient, "reviewer", 2, "\"two\"");
                    assertNothingMore(recipient);
                }
                try (WsClient since = hello(b, "reviewer", ",\"inbox_since\":1")) {
                    assertDirect(since, "reviewer", 2, "\"two\"");
                    assertNothingMore(since);
                }
            }
        }
    }

    @Test
    void shouldShareTheWrittenCursorSoAReconnectToTheOtherNodeGetsNothingTwice() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             TestServer b = node(dir, "b", redis);
             WsClient sender = a.hello("lead")) {
            sendOk(sender, "s1", "reviewer", null, "\"one\"");
            sendOk(sender, "s2", "reviewer", null, "\"two\"");
            try (WsClient onA = a.hello("reviewer")) {
                assertDirect(onA, "reviewer", 1, "\"one\"");
                assertDirect(onA, "reviewer", 2, "\"two\"");
                assertEquals(NORMAL_CLOSURE, onA.closeAndAwaitReply());
            }
            await().atMost(WAIT).until(() -> "2".equals(ClusterNodes.redisGet(redis, "agentbus:{@reviewer}:cursor")));

            assertEquals(3, sendOk(sender, "s3", "reviewer", null, "\"three\"").offset());

            try (WsClient onB = b.hello("reviewer")) {
                assertDirect(onB, "reviewer", 3, "\"three\"");
                assertNothingMore(onB);
            }
        }
    }

    @Test
    void shouldRefuseASendWhileRedisIsDownAndNeverDeliverItLater() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             TestServer b = node(dir, "b", redis);
             WsClient sender = a.hello("lead")) {
            assertEquals(1, sendOk(sender, "s1", "reviewer", null, "\"one\"").offset());

            redis.stop();
            await().atMost(WAIT).until(() -> a.get("/health").body().contains("\"status\":\"degraded\""));
            sender.send(send("s2", "reviewer", "lost-1", "\"refused\""));
            assertError(sender.reply("s2"), ErrorCode.OVERLOADED, "s2", "not acknowledged");

            redis.restart(); // empty: the inbox recovers before Redis numbers in it again, from above both nodes
            await().atMost(WAIT).until(() -> up(a) && up(b));
            assertEquals(2, ClusterNodes.sendOkOnceRecovered(sender, "s3", "reviewer", "\"three\"", WAIT).offset());

            try (WsClient recipient = b.hello("reviewer")) {
                assertDirect(recipient, "reviewer", 1, "\"one\"");
                assertDirect(recipient, "reviewer", 2, "\"three\"");
                assertNothingMore(recipient);
            }
        }
    }

    @Test
    void shouldAnswerEverySendOnceAndKeepOneOrderOnBothNodesWhenRedisLosesTheInboxMidStream() throws Exception {
        Map<Setting, Object> unlimited = Map.of(Setting.RATE_MESSAGES_PER_CLIENT, "0");
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis, unlimited);
             TestServer b = node(dir, "b", redis, unlimited);
             WsClient onA = a.hello("lead-a");
             WsClient onB = b.hello("lead-b");
             WsClient readerA = a.hello("reviewer");
             WsClient readerB = b.hello("reviewer")) {
            Map<String, String> oks = new HashMap<>();
            oks.put("\"s0\"", Long.toString(sendOk(onA, "s0", "reviewer", null, "\"s0\"").offset()));
            List<String> onNodeA = received(readerA, 1); // both nodes hold the inbox before Redis loses it
            List<String> onNodeB = received(readerB, 1);
            burst(onA, "a", 0, 100);
            burst(onB, "b", 0, 100);
            ClusterNodes.flushAll(redis); // while the first bursts are ordered and applied
            burst(onA, "a", 100, 200);
            burst(onB, "b", 100, 200);
            oks.putAll(answers(onA, "a", 200));
            oks.putAll(answers(onB, "b", 200));
            assertTrue(oks.size() < 400, "some sends were refused while the inbox recovered");
            Ok first = ClusterNodes.sendOkOnceRecovered(onA, "r", "reviewer", "\"recovered\"", WAIT);
            oks.put("\"recovered\"", Long.toString(first.offset()));
            burst(onA, "a", 200, 250);
            burst(onB, "b", 200, 250);
            oks.putAll(answers(onA, "a", 50));
            oks.putAll(answers(onB, "b", 50));

            onNodeA.addAll(received(readerA, oks.size() - 1));
            onNodeB.addAll(received(readerB, oks.size() - 1));
            assertEquals(onNodeA, onNodeB, "one order on both nodes");
            assertNothingMore(readerA);
            assertNothingMore(readerB);
            long previous = 0;
            for (String m : onNodeA) {
                long offset = Long.parseLong(m.substring(0, m.indexOf(' ')));
                assertTrue(offset > previous, "offsets rise: " + onNodeA);
                previous = offset;
                String body = m.substring(m.indexOf(' ') + 1);
                assertEquals(oks.get(body), Long.toString(offset), body + " delivered at the offset its ok named");
            }
            assertEquals(oks.size(), onNodeA.size(), "every acknowledged send delivered, nothing else");
        }
    }

    /** Sends {@code "PREFIXn"} for n in [from, to) to reviewer without waiting, rid PREFIXn. */
    private static void burst(WsClient sender, String prefix, int from, int to) {
        for (int i = from; i < to; i++) {
            sender.send(send(prefix + i, "reviewer", null, "\"" + prefix + i + "\""));
        }
    }

    /**
     * Reads {@code count} answers: each one {@code ok} or {@code overloaded}, none twice (a ping
     * then answers first). Returns the acknowledged bodies with the offset each {@code ok} named.
     */
    private static Map<String, String> answers(WsClient sender, String prefix, int count) {
        Map<String, String> oks = new HashMap<>();
        Set<String> answered = new HashSet<>();
        while (answered.size() < count) {
            ServerFrame reply = parse(sender.next());
            String rid;
            if (reply instanceof Ok ok) {
                rid = ok.rid();
                oks.put("\"" + rid + "\"", Long.toString(ok.offset()));
            } else {
                ErrorFrame error = assertInstanceOf(ErrorFrame.class, reply);
                assertEquals(ErrorCode.OVERLOADED, error.code(), error.message());
                rid = error.rid();
            }
            assertTrue(rid.startsWith(prefix) && answered.add(rid), "answered once: " + reply);
        }
        assertNothingMore(sender);
        return oks;
    }

    /** The next {@code count} direct messages as {@code "OFFSET BODY"}. */
    private static List<String> received(WsClient reader, int count) {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Msg msg = ClusterNodes.nextMsg(reader);
            got.add(msg.offset() + " " + msg.body().json());
        }
        return got;
    }

    @Test
    void shouldAcknowledgeAndDeliverAfterTheJournalSyncWithAckAfterSync() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.DURABILITY, "ack-after-sync");
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis, settings);
             TestServer b = node(dir, "b", redis, settings);
             WsClient sender = a.hello("lead");
             WsClient recipient = b.hello("reviewer")) {
            assertEquals(1, sendOk(sender, "s1", "reviewer", null, "\"synced\"").offset());

            assertDirect(recipient, "reviewer", 1, "\"synced\"");
        }
    }

    @Test
    void shouldGiveASessionThatSaysHelloMidStreamEveryMessageOnceInOrder() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.DURABILITY, "ack-after-sync");
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis, settings);
             TestServer b = node(dir, "b", redis, settings);
             WsClient sender = a.hello("lead")) {
            for (int i = 1; i <= 100; i++) {
                sender.send(send("s" + i, "reviewer", null, "\"m" + i + "\""));
            }
            try (WsClient midStream = hello(b, "reviewer", ",\"inbox_since\":0")) {
                for (int i = 101; i <= 200; i++) {
                    sender.send(send("s" + i, "reviewer", null, "\"m" + i + "\""));
                }
                for (int i = 1; i <= 200; i++) {
                    assertEquals(i, parse(sender.reply("s" + i), Ok.class).offset());
                }

                for (int i = 1; i <= 200; i++) {
                    assertDirect(midStream, "reviewer", i, "\"m" + i + "\"");
                }
                assertNothingMore(midStream);
            }
        }
    }

    @Test
    void shouldWelcomeFromTheNodesOwnCopyWhileRedisIsDown() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             WsClient sender = a.hello("lead")) {
            sendOk(sender, "s1", "reviewer", null, "\"one\"");
            redis.stop();
            await().atMost(WAIT).until(() -> a.get("/health").body().contains("\"status\":\"degraded\""));

            try (WsClient recipient = a.hello("reviewer")) {
                assertDirect(recipient, "reviewer", 1, "\"one\"");
                assertNothingMore(recipient);
            }
        }
    }

    private static boolean up(TestServer node) throws Exception {
        return node.get("/health").body().startsWith("{\"status\":\"up\"");
    }
}
