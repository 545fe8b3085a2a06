package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.server.cluster.ClusterScripts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cluster mode: a node puts its members back into the cluster's roster when the roster lost them. */
class ClusterRosterIT {
    private static final String MEMBERS = "agentbus:{team}:members";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldJoinAConnectedMemberAgainOnceWhenItsRejoinAfterARemovalWasNotAppended() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = ClusterNodes.node(dir, "a", redis);
             TestServer b = ClusterNodes.node(dir, "b", redis);
             WsClient alice = a.hello("alice");
             WsClient bob = b.hello("bob")) {
            ClusterPresenceIT.join(alice, "team", "lead");
            ClusterPresenceIT.join(bob, "team", "coder");
            ClusterPresenceIT.assertPresence(alice, "bob", "coder", Presence.Event.JOINED);
            long failures = wrongTypeErrors(redis);
            String nodeA = redis(redis, r -> r.hgetall(MEMBERS)).entrySet().stream()
                    .filter(e -> e.getValue().contains("alice")).findFirst().orElseThrow().getKey().split("/")[0];

            // node a taken for dead: alice is removed while connected, and the members hash is broken so
            // that a's re-join of her fails
            long removed = redis(redis, r -> r.<Long>eval(ClusterScripts.reapNow(String.join("\n",
                    "if redis.call('EXISTS', KEYS[5]) == 1 then redis.call('RENAME', KEYS[5], KEYS[5] .. '-saved') end",
                    "redis.call('SET', KEYS[5], 'not a hash')")), ScriptOutputType.INTEGER,
                    ClusterScripts.reapKeys("team", nodeA), "0", "100000", ClusterScripts.channel(), "team", nodeA + "/"));
            assertEquals(1, removed);
            ClusterPresenceIT.assertPresence(bob, "alice", "lead", Presence.Event.LEFT);
            await().atMost(Duration.ofSeconds(20)).until(() -> wrongTypeErrors(redis) > failures);
            redis(redis, r -> {
                r.del(MEMBERS);
                return r.rename(MEMBERS + "-saved", MEMBERS);
            });

            ClusterPresenceIT.assertPresence(bob, "alice", "lead", Presence.Event.JOINED);
            assertNull(bob.poll(3500), "alice joined again once");
            assertTrue(redis(redis, r -> r.hkeys(MEMBERS)).stream().anyMatch(k -> k.startsWith(nodeA + "/")),
                    "alice is in the members hash again");
            try (WsClient carol = b.hello("carol")) {
                assertEquals(List.of(new Member("bob", "coder"), new Member("alice", "lead"),
                        new Member("carol", "tester")), ClusterPresenceIT.join(carol, "team", "tester").members());
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldListTheMembersInJoinOrderOnANodeThatLoadedThemFromASnapshot() throws Exception {
        List<WsClient> members = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = ClusterNodes.node(dir, "a", redis)) {
            for (int i = 0; i < 20; i++) { // long values and many fields: Redis keeps the hash unordered
                WsClient member = a.hello("member-" + i + "-with-a-client-id-long-enough-for-a-hash-table");
                members.add(member);
                ClusterPresenceIT.join(member, "team", "role-" + i);
            }
            try (TestServer b = ClusterNodes.node(dir, "b", redis);
                 WsClient onB = b.hello("late");
                 WsClient onA = a.hello("later")) {
                List<Member> joinedOnB = ClusterPresenceIT.join(onB, "team", "coder").members();
                List<Member> joinedOnA = ClusterPresenceIT.join(onA, "team", "coder").members();

                List<Member> expected = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    expected.add(new Member("member-" + i + "-with-a-client-id-long-enough-for-a-hash-table",
                            "role-" + i));
                }
                expected.add(new Member("late", "coder"));
                assertEquals(expected, joinedOnB, "node b lists a's members in their join order");
                expected.add(new Member("later", "coder"));
                assertEquals(expected, joinedOnA);
            }
        } finally {
            members.forEach(WsClient::close);
        }
    }

    /** How many commands Redis answered with WRONGTYPE so far. */
    private static long wrongTypeErrors(RedisServer redis) {
        Matcher m = Pattern.compile("errorstat_WRONGTYPE:count=(\\d+)").matcher(redis(redis,
                r -> r.info("errorstats")));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static <T> T redis(RedisServer redis, Function<RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
