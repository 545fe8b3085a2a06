package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.server.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cluster mode: what a Redis outage, or a Redis that lost its data, must not do to the members of live nodes. */
class ClusterOutageIT {
    /** The heartbeat's TTL with {@code cluster.timeout.ms=500}. */
    private static final long TTL_MS = 3000;
    private static final String HEARTBEATS = "agentbus:node:*";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldNotRemoveLiveMembersAfterAnOutageLongerThanTheHeartbeat() throws Exception {
        try (RedisServer redis = RedisServer.startKeepingData(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient alice = a.hello("alice");
             WsClient bob = b.hello("bob")) {
            ClusterPresenceIT.join(alice, "team", "lead");
            ClusterPresenceIT.join(bob, "team", "coder");
            ClusterPresenceIT.assertPresence(alice, "bob", "coder", Presence.Event.JOINED);

            redis.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> degraded(a) && degraded(b));
            long downSince = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> System.nanoTime() - downSince
                    > TimeUnit.MILLISECONDS.toNanos(TTL_MS + 1000)); // every heartbeat expired
            redis.restart();
            await().atMost(Duration.ofSeconds(20)).until(() -> !degraded(a) && !degraded(b));

            assertNull(alice.poll(2 * TTL_MS), "bob stayed: no leave and join again");
            assertNull(bob.poll(100), "alice stayed: no leave and join again");
            try (WsClient carol = a.hello("carol")) {
                assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder"),
                        new Member("carol", "tester")), ClusterPresenceIT.join(carol, "team", "tester").members());
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldNotMakeAnEpochWhenReapingADeadNodeAfterRedisLostItsData() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             WsClient alice = a.hello("alice");
             WsClient member = a.hello("member")) {
            long started = System.nanoTime();
            ClusterPresenceIT.join(alice, "team", "lead");
            for (int i = 1; i <= 3; i++) {
                alice.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"team\",\"body\":{}}");
                parse(alice.reply("p" + i), Ok.class);
            }
            String epoch = ClusterNodes.redisGet(redis, "agentbus:{team}:epoch");
            int port = Daemon.freePort();
            try (Daemon c = Daemon.startHealthy(port, dir.resolve("c"), dir.resolve("c.log"),
                    "--cluster-redis", redis.uri(), "--cluster-timeout-ms", "500");
                 WsClient carol = WsClient.hello(port, "carol")) {
                ClusterPresenceIT.join(carol, "team", "tester");
                c.kill();
            }
            redis(redis, r -> r.flushall()); // Redis lost its data: c's members and heartbeat too
            do { // a saw c dead after a beat (and reaped, once a had been up a whole TTL)
                awaitBeat(redis);
            } while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(TTL_MS + 1000));
            awaitBeat(redis); // a beat again: that reap is over

            member.send("{\"op\":\"join\",\"rid\":\"r\",\"room\":\"team\",\"since\":1,\"epoch\":\"" + epoch + "\"}");
            Ok rejoined = parse(member.reply("r"), Ok.class);

            assertNotEquals(epoch, rejoined.epoch(), "a new epoch");
            assertEquals(Boolean.FALSE, rejoined.recovered(), "offsets 2 and 3 were lost with the old epoch");
        }
    }

    /** Deletes the heartbeat keys and waits until a node (the only one alive) renews its own. */
    private static void awaitBeat(RedisServer redis) {
        redis(redis, r -> r.keys(HEARTBEATS).forEach(r::del));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> keys = new ArrayList<>();
            redis(redis, r -> keys.addAll(r.keys(HEARTBEATS)));
            return !keys.isEmpty();
        });
    }

    private static void redis(RedisServer redis, Consumer<RedisCommands<String, String>> command) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            command.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    private static boolean degraded(TestServer node) throws Exception {
        return node.get("/health").body().contains("\"status\":\"degraded\"");
    }

    private TestServer node(String name, RedisServer redis) throws Exception {
        return ClusterNodes.node(dir, name, redis, Map.of(Setting.CLUSTER_TIMEOUT_MS, 500));
    }
}
