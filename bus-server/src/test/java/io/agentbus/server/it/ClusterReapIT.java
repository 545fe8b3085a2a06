package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cluster mode: the members of a node killed with SIGKILL are removed once, by the nodes still alive. */
class ClusterReapIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldRemoveTheMembersOfAKilledNodeOnceForEveryNode() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient alice = a.hello("alice");
             WsClient bob = b.hello("bob")) {
            ClusterPresenceIT.join(alice, "team", "lead");
            ClusterPresenceIT.join(bob, "team", "coder");
            ClusterPresenceIT.assertPresence(alice, "bob", "coder", Presence.Event.JOINED);
            int port = Daemon.freePort();
            try (Daemon c = Daemon.startHealthy(port, dir.resolve("c"), dir.resolve("c.log"),
                    "--cluster-redis", redis.uri(), "--cluster-timeout-ms", "500");
                 WsClient carol = WsClient.hello(port, "carol")) {
                assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder"),
                        new Member("carol", "tester")), ClusterPresenceIT.join(carol, "team", "tester").members());
                for (WsClient member : List.of(alice, bob)) {
                    ClusterPresenceIT.assertPresence(member, "carol", "tester", Presence.Event.JOINED);
                }

                c.kill();
            }

            for (WsClient member : List.of(alice, bob)) {
                ClusterPresenceIT.assertPresence(member, "carol", "tester", Presence.Event.LEFT);
            }
            assertNull(alice.poll(1500), "carol left once");
            assertNull(bob.poll(100), "carol left once");
            try (WsClient dave = a.hello("dave")) {
                assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder"),
                        new Member("dave", "participant")), ClusterPresenceIT.join(dave, "team", "participant")
                        .members());
            }
        }
    }

    private TestServer node(String name, RedisServer redis) throws Exception {
        return TestServer.start(dir.resolve(name), Map.of(Setting.CLUSTER_REDIS, redis.uri(),
                Setting.CLUSTER_TIMEOUT_MS, 500));
    }
}
