package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertError;
import static io.agentbus.server.it.ServerFrames.parse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.cluster.ClusterUnavailableException;
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

/** Cluster mode: two daemons in-process, each with its own journal, linked through a real redis-server. */
class ClusterIT {
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void shouldDeliverWhatOneNodePublishesToAMemberOfAnotherInOffsetOrder() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient publisher = a.hello("pub-a");
             WsClient member = b.hello("member-b")) {
            join(member, "team");

            for (int i = 1; i <= 20; i++) {
                publisher.send(pub("p" + i, "team", i));
            }

            for (int i = 1; i <= 20; i++) {
                assertEquals(i, parse(publisher.reply("p" + i), Ok.class).offset());
            }
            for (int i = 1; i <= 20; i++) {
                Msg msg = nextMsg(member);
                assertEquals(i, msg.offset());
                assertEquals("pub-a", msg.from());
                assertEquals("{\"n\":" + i + "}", msg.body().json());
            }
        }
    }

    @Test
    void shouldNumberWhatBothNodesPublishContiguouslyInOneOrderSeenByEveryNode() throws Exception {
        int each = 150;
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient pubA = a.hello("pub-a");
             WsClient pubB = b.hello("pub-b");
             WsClient memberA = a.hello("member-a");
             WsClient memberB = b.hello("member-b")) {
            join(memberA, "team");
            join(memberB, "team");

            for (int i = 0; i < each; i++) {
                pubA.send(pub("a" + i, "team", i));
                pubB.send(pub("b" + i, "team", 1000 + i));
            }

            Set<Long> acked = new HashSet<>();
            for (int i = 0; i < each; i++) {
                assertTrue(acked.add(parse(pubA.reply("a" + i), Ok.class).offset()));
                assertTrue(acked.add(parse(pubB.reply("b" + i), Ok.class).offset()));
            }
            List<String> seenOnA = received(memberA, 2 * each);
            List<String> seenOnB = received(memberB, 2 * each);
            assertEquals(2 * each, acked.size());
            assertEquals(2L * each, acked.stream().mapToLong(Long::longValue).max().orElse(0));
            assertEquals(seenOnA, seenOnB);
            assertEquals(a.get("/api/v1/rooms/team/messages?since=0&limit=1000").body(),
                    b.get("/api/v1/rooms/team/messages?since=0&limit=1000").body());
        }
    }

    @Test
    void shouldAcknowledgeAndDeliverAfterTheJournalSyncWithAckAfterSync() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.DURABILITY, "ack-after-sync");
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis, settings);
             TestServer b = node("b", redis, settings);
             WsClient publisher = a.hello("pub-a");
             WsClient member = b.hello("member-b")) {
            join(member, "team");

            publisher.send(pub("p1", "team", 1));

            assertEquals(1, parse(publisher.reply("p1"), Ok.class).offset());
            assertEquals(1, nextMsg(member).offset());
        }
    }

    @Test
    void shouldRefusePublishesWhileRedisIsDownAndRecoverWhenItIsBack() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient publisher = a.hello("pub-a");
             WsClient member = b.hello("member-b")) {
            join(member, "team");
            publisher.send(pub("p1", "team", 1));
            assertEquals(1, parse(publisher.reply("p1"), Ok.class).offset());
            assertEquals(1, nextMsg(member).offset());

            redis.stop();
            await().atMost(HEALTH_WAIT).until(() -> a.get("/health").body().contains("\"status\":\"degraded\""));
            assertTrue(a.get("/health").body().contains("\"cluster\":{\"status\":\"failing\""));
            publisher.send(pub("p2", "team", 2));
            assertError(publisher.reply("p2"), ErrorCode.OVERLOADED, "p2", "not acknowledged");

            redis.restart(); // empty: the room recovers before Redis numbers in it again, from above both nodes
            await().atMost(HEALTH_WAIT).until(() -> up(a) && up(b));
            assertEquals(2, ClusterNodes.okOnceRecovered(publisher, "p3", r -> pub(r, "team", 3), HEALTH_WAIT).offset());
            Msg next = nextMsg(member);
            assertEquals(2, next.offset());
            assertEquals("{\"n\":3}", next.body().json());
        }
    }

    @Test
    void shouldCatchUpOnWhatWasPublishedWhileANodeWasStopped() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             WsClient publisher = a.hello("pub-a")) {
            TestServer b = node("b", redis);
            try {
                publisher.send(pub("p1", "team", 1));
                publisher.reply("p1");
                await().atMost(HEALTH_WAIT).until(() -> b.get("/api/v1/rooms/team/messages?since=0").body()
                        .contains("\"offset\":1"));
                b.close();
                for (int i = 2; i <= 5; i++) {
                    publisher.send(pub("p" + i, "team", i));
                    publisher.reply("p" + i);
                }

                b.restart();

                try (WsClient member = b.hello("member-b")) {
                    member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"team\",\"since\":1}");
                    for (int i = 2; i <= 5; i++) {
                        Msg msg = nextMsg(member);
                        assertEquals(i, msg.offset());
                        assertEquals("{\"n\":" + i + "}", msg.body().json());
                    }
                }
            } finally {
                b.close();
            }
        }
    }

    @Test
    void shouldNotStartWhenRedisCannotBeReached() throws Exception {
        int nobody = RedisServer.freePort();

        ClusterUnavailableException e = assertThrows(ClusterUnavailableException.class, () -> TestServer.start(dir,
                Map.of(Setting.CLUSTER_REDIS, "redis://127.0.0.1:" + nobody)));

        assertTrue(e.getMessage().startsWith("cluster.redis: cannot connect to Redis at redis://127.0.0.1:" + nobody),
                e.getMessage());
    }

    @Test
    void shouldStayASingleNodeNeedingNoRedisWithoutClusterRedis() throws Exception {
        try (TestServer single = TestServer.start(dir);
             WsClient publisher = single.hello("pub")) {
            publisher.send(pub("p1", "team", 1));

            assertEquals(1, parse(publisher.reply("p1"), Ok.class).offset());
            String health = single.get("/health").body();
            assertTrue(health.startsWith("{\"status\":\"up\""), health);
            assertFalse(health.contains("\"cluster\""), health);
        }
    }

    private TestServer node(String name, RedisServer redis) throws Exception {
        return node(name, redis, Map.of());
    }

    private TestServer node(String name, RedisServer redis, Map<Setting, Object> settings) throws Exception {
        Map<Setting, Object> all = new HashMap<>(settings);
        all.put(Setting.CLUSTER_REDIS, redis.uri());
        return TestServer.start(dir.resolve(name), all);
    }

    private static boolean up(TestServer node) throws Exception {
        return node.get("/health").body().startsWith("{\"status\":\"up\"");
    }

    private static void join(WsClient member, String room) {
        member.send("{\"op\":\"join\",\"rid\":\"join\",\"room\":\"" + room + "\"}");
        parse(member.reply("join"), Ok.class);
    }

    private static String pub(String rid, String room, int n) {
        return "{\"op\":\"pub\",\"rid\":\"" + rid + "\",\"room\":\"" + room + "\",\"body\":{\"n\":" + n + "}}";
    }

    private static Msg nextMsg(WsClient member) {
        return parse(member.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
    }

    /** The next {@code count} messages, which must carry offsets 1..count in order, as "offset from body". */
    private static List<String> received(WsClient member, int count) {
        List<String> seen = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Msg msg = nextMsg(member);
            assertEquals(i, msg.offset());
            seen.add(msg.offset() + " " + msg.from() + " " + msg.body().json());
        }
        return seen;
    }
}
