package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.server.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster mode: membership and presence across two in-process nodes linked through a real redis-server. */
class ClusterPresenceIT {
    @TempDir
    Path dir;

    @Test
    void shouldTellMembersOnEveryNodeWhoJoinedAndLeftAndListMembersOfAllNodes() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient onA = a.hello("alice");
             WsClient onB = b.hello("bob")) {
            assertEquals(List.of(new Member("alice", "lead")), join(onA, "team", "lead").members());

            Ok bobJoined = join(onB, "team", "coder");

            assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder")), bobJoined.members());
            assertPresence(onA, "bob", "coder", Presence.Event.JOINED);

            onB.send("{\"op\":\"leave\",\"rid\":\"l\",\"room\":\"team\"}");
            parse(onB.reply("l"), Ok.class);
            assertPresence(onA, "bob", "coder", Presence.Event.LEFT);

            try (WsClient carol = b.hello("carol")) {
                join(carol, "team", "tester");
                assertPresence(onA, "carol", "tester", Presence.Event.JOINED);
            }
            assertPresence(onA, "carol", "tester", Presence.Event.LEFT);
            try (WsClient dave = a.hello("dave")) {
                assertEquals(List.of(new Member("alice", "lead"), new Member("dave", "participant")),
                        join(dave, "team", "participant").members());
            }
        }
    }

    @Test
    void shouldRefuseJoinsWhileRedisIsDownAndTellOfLeavesThatHappenedMeanwhileWhenItIsBack() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient alice = a.hello("alice")) {
            join(alice, "team", "lead");
            WsClient bob = b.hello("bob");
            join(bob, "team", "coder");
            assertPresence(alice, "bob", "coder", Presence.Event.JOINED);

            redis.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> degraded(a) && degraded(b));
            try (WsClient carol = a.hello("carol")) {
                carol.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"team\"}");
                ServerFrames.assertError(carol.reply("j"), ErrorCode.OVERLOADED, "j", "Redis");
            }
            bob.close();
            redis.restart();

            assertPresence(alice, "bob", "coder", Presence.Event.LEFT);
            assertFalse(alice.isClosed(), "alice stayed connected");
        }
    }

    private static boolean degraded(TestServer node) throws Exception {
        return node.get("/health").body().contains("\"status\":\"degraded\"");
    }

    @Test
    void shouldKnowTheMembersOfEveryNodeOnANodeThatStartsLater() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             WsClient alice = a.hello("alice")) {
            join(alice, "team", "lead");
            try (WsClient gone = a.hello("gone")) {
                join(gone, "team", "coder");
            }
            assertPresence(alice, "gone", "coder", Presence.Event.JOINED);
            assertPresence(alice, "gone", "coder", Presence.Event.LEFT);

            try (TestServer b = node("b", redis);
                 WsClient bob = b.hello("bob")) {
                assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder")),
                        join(bob, "team", "coder").members());
                assertPresence(alice, "bob", "coder", Presence.Event.JOINED);
            }
        }
    }

    @Test
    void shouldReadAMembersSnapshotAgainUntilItCanBeRead() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             WsClient alice = a.hello("alice")) {
            join(alice, "team", "lead");
            alice.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"team\",\"body\":{}}");
            parse(alice.reply("p"), Ok.class);
            String members = "agentbus:{team}:members";
            redis(redis, r -> {
                r.xtrim("agentbus:{team}:log", 1); // the log no longer has alice's join: only the snapshot does
                r.rename(members, members + "-saved");
                r.set(members, "not a hash"); // the snapshot script fails
            });
            long failures = wrongTypeErrors(redis);

            try (TestServer b = node("b", redis)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> wrongTypeErrors(redis) > failures);
                redis(redis, r -> {
                    r.del(members);
                    r.rename(members + "-saved", members);
                });
                try (WsClient bob = b.hello("bob")) {
                    assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder")),
                            join(bob, "team", "coder").members());
                }
            }
        }
    }

    /** How many commands Redis answered with WRONGTYPE so far. */
    private static long wrongTypeErrors(RedisServer redis) {
        String[] info = new String[1];
        redis(redis, r -> info[0] = r.info("errorstats"));
        Matcher m = Pattern.compile("errorstat_WRONGTYPE:count=(\\d+)").matcher(info[0]);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void redis(RedisServer redis, Consumer<RedisCommands<String, String>> command) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            command.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    @Test
    void shouldReplayFromSinceWithoutLossOrDoubleWhileTheOtherNodePublishes() throws Exception {
        int count = 200;
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient publisher = a.hello("pub");
             WsClient member = b.hello("member")) {
            for (int i = 1; i <= count; i++) {
                publisher.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"team\",\"body\":{\"n\":" + i + "}}");
                if (i == count / 2) {
                    member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"team\",\"since\":0}");
                }
            }

            for (int i = 1; i <= count; i++) {
                Msg msg = parse(member.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
                assertEquals(i, msg.offset());
                assertEquals("{\"n\":" + i + "}", msg.body().json());
            }
            assertNull(member.poll(200), "nothing after the last message");
        }
    }

    @Test
    void shouldTellTheRoomsEpochAndWhetherAResumingJoinRecoveredEverything() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             WsClient publisher = a.hello("pub");
             WsClient member = a.hello("member")) {
            for (int i = 1; i <= 3; i++) {
                publisher.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"team\",\"body\":{}}");
                publisher.reply("p" + i);
            }
            Ok first = join(member, "team", "participant");
            assertNotNull(first.epoch());
            assertNull(first.recovered(), "no since, no recovered");
            Ok resumed = parse(rejoin(member, "r1", 1, first.epoch()), Ok.class);
            assertEquals(Boolean.TRUE, resumed.recovered());
            assertEquals(first.epoch(), resumed.epoch());

            redis.restart(); // Redis lost every room's history: the next entry makes a new epoch
            awaitOk(publisher, "{\"op\":\"pub\",\"rid\":\"p4\",\"room\":\"team\",\"body\":{}}", "p4");

            Ok lost = parse(rejoin(member, "r2", 2, first.epoch()), Ok.class);
            assertFalse(first.epoch().equals(lost.epoch()), "a new epoch");
            assertEquals(Boolean.FALSE, lost.recovered(), "offset 3 was in the lost epoch after since 2");
            Ok whole = parse(rejoin(member, "r3", 3, first.epoch()), Ok.class);
            assertEquals(Boolean.TRUE, whole.recovered(), "nothing after 3 was lost");
            Ok current = parse(rejoin(member, "r4", 0, lost.epoch()), Ok.class);
            assertEquals(Boolean.TRUE, current.recovered(), "the client's epoch is the current one");
        }
    }

    @Test
    void shouldSendNeitherEpochNorRecoveredOnASingleNode() throws Exception {
        try (TestServer single = TestServer.start(dir);
             WsClient member = single.hello("member")) {
            String ok = rejoin(member, "j", 0, "123");

            assertFalse(ok.contains("epoch"), ok);
            assertFalse(ok.contains("recovered"), ok);
        }
    }

    @Test
    void shouldRefuseAMalformedEpoch() throws Exception {
        try (TestServer single = TestServer.start(dir);
             WsClient member = single.hello("member")) {
            member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"team\",\"epoch\":7}");

            ServerFrames.assertError(member.reply("j"), ErrorCode.BAD_REQUEST, "j", "epoch");
        }
    }

    @Test
    void shouldAnswerAJoinOnceTheRoomRecoveredWhenRedisLostItsData() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient onA = a.hello("alice");
             WsClient onB = b.hello("bob")) {
            Ok first = join(onA, "team", "lead");
            onA.send("{\"op\":\"pub\",\"rid\":\"p1\",\"room\":\"team\",\"body\":1}");
            assertEquals(1, parse(onA.reply("p1"), Ok.class).offset());
            await().atMost(Duration.ofSeconds(20)).until(() -> b.get("/api/v1/rooms/team/messages?since=0").body()
                    .contains("\"offset\":1"));
            ClusterNodes.flushAll(redis);

            long asked = System.nanoTime();
            Ok joined = join(onB, "team", "coder"); // node b knows offset 1: Redis holds the room for a while first

            assertTrue(System.nanoTime() - asked >= Duration.ofSeconds(1).toNanos(), "answered once it recovered");
            assertNotNull(joined.epoch());
            assertFalse(joined.epoch().equals(first.epoch()), "a new epoch: " + joined.epoch());
            assertPresence(onA, "bob", "coder", Presence.Event.JOINED);
            onB.send("{\"op\":\"pub\",\"rid\":\"p2\",\"room\":\"team\",\"body\":2}");
            assertEquals(2, parse(onB.reply("p2"), Ok.class).offset(), "numbered on above both nodes");
        }
    }

    private static String rejoin(WsClient member, String rid, long since, String epoch) {
        member.send("{\"op\":\"join\",\"rid\":\"" + rid + "\",\"room\":\"team\",\"since\":" + since
                + ",\"epoch\":\"" + epoch + "\"}");
        return member.await(f -> f.contains("\"rid\":\"" + rid + "\""));
    }

    /** Sends until Redis answers: after a restart the node reconnects by itself. */
    private static void awaitOk(WsClient client, String frame, String rid) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            client.send(frame);
            return client.reply(rid).contains("\"op\":\"ok\"");
        });
    }

    private TestServer node(String name, RedisServer redis) throws Exception {
        Map<Setting, Object> all = new HashMap<>();
        all.put(Setting.CLUSTER_REDIS, redis.uri());
        return TestServer.start(dir.resolve(name), all);
    }

    static Ok join(WsClient member, String room, String role) {
        member.send("{\"op\":\"join\",\"rid\":\"join-" + room + "\",\"room\":\"" + room + "\",\"role\":\"" + role
                + "\"}");
        return parse(member.reply("join-" + room), Ok.class);
    }

    static void assertPresence(WsClient member, String client, String role, Presence.Event event) {
        Presence p = parse(member.await(f -> f.contains("\"op\":\"presence\"")), Presence.class);
        assertEquals(new Presence(p.room(), client, role, event), p);
        assertTrue(p.room() != null);
    }
}
