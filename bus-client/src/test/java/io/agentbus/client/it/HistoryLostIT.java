package io.agentbus.client.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.HistoryLost;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.Published;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.ReconnectPolicy;
import io.agentbus.client.error.OverloadedException;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's side of {@code epoch} and {@code recovered} (design section 2) against real
 * cluster nodes and a real {@code redis-server}: Redis restarts without its data while the
 * client's link to its node is silent, the node dies, and the client that fails over to the
 * other node is told the room's history after its resume point may be lost
 * ({@code "recovered":false}), with the old and the new epoch; when Redis kept its data, it is
 * told nothing. Either way it is handed every message the next node still has, once, in order.
 */
class HistoryLostIT {
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200));
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ROOM = "epochs";

    @TempDir
    Path dir;
    final List<AutoCloseable> closeables = new ArrayList<>();
    final List<HistoryLost> lost = new CopyOnWriteArrayList<>();
    final OrderedSink sink = new OrderedSink(8);

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    void shouldTellTheApplicationWithBothEpochsWhenRedisLostHistoryItHadNotBeenHandedBeforeItsNodeDied()
            throws Exception {
        RedisServer redis = track(RedisServer.start(dir));
        Cluster cluster = cluster(redis);
        String before = cluster.client.epoch(ROOM);
        assertNotNull(before, "a cluster node names the room's epoch");

        List<Published> acks = cluster.missThenFailOver(redis);

        await().atMost(WAIT).until(() -> !lost.isEmpty());
        String after = cluster.client.epoch(ROOM);
        assertNotEquals(before, after, "Redis lost the room's history: a new epoch");
        assertEquals(List.of(new HistoryLost(ROOM, 3, before, after)), lost,
                "told once, resuming after offset 3, the epoch it had seen and the new one");
        cluster.assertHandedEveryAcknowledgedMessageOnceInOrder(acks);
    }

    @Test
    void shouldTellNothingWhenRedisKeptItsDataAcrossTheRestart() throws Exception {
        RedisServer redis = track(RedisServer.startKeepingData(dir));
        Cluster cluster = cluster(redis);
        String before = cluster.client.epoch(ROOM);

        List<Published> acks = cluster.missThenFailOver(redis);

        cluster.assertHandedEveryAcknowledgedMessageOnceInOrder(acks);
        assertEquals(before, cluster.client.epoch(ROOM), "the same epoch");
        assertTrue(lost.isEmpty(), "recovered:true is quiet: " + lost);
    }

    /**
     * An application that persisted its resume point and epoch, started again after Redis lost
     * the room's history, is told on its first join (no fail-over needed).
     */
    @Test
    void shouldTellAnApplicationResumingFromAPersistedEpochOnItsFirstJoin() throws Exception {
        RedisServer redis = track(RedisServer.start(dir));
        LiveServer a = node("a", redis);
        AgentBusClient publisher = track(AgentBusClient.builder(a.uri(), "pub").reconnect(FAST).connect());
        for (int n = 1; n <= 3; n++) {
            publishOrdered(publisher, Integer.toString(n));
        }
        AgentBusClient first = track(AgentBusClient.builder(a.uri(), "app").reconnect(FAST).connect());
        first.join(ROOM, JoinOptions.DEFAULT.since(0)).get(10, TimeUnit.SECONDS);
        String persisted = first.epoch(ROOM);
        first.close();
        redis.restart();
        publishOrdered(publisher, "4");

        AgentBusClient again = track(AgentBusClient.builder(a.uri(), "app").reconnect(FAST)
                .onHistoryLost(lost::add).connect());
        again.join(ROOM, JoinOptions.DEFAULT.since(1).epoch(persisted)).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> !lost.isEmpty());
        assertEquals(List.of(new HistoryLost(ROOM, 1, persisted, again.epoch(ROOM))), lost);
        assertNotEquals(persisted, again.epoch(ROOM));
    }

    @Test
    void shouldJoinASingleDaemonWithoutEpochsAsBefore() throws Exception {
        LiveServer single = track(LiveServer.start(dir.resolve("single")));
        AgentBusClient client = track(AgentBusClient.builder(single.uri(), "single").reconnect(FAST)
                .onHistoryLost(lost::add).connect());

        client.join(ROOM, JoinOptions.DEFAULT.since(0).epoch("stale-epoch")).get(10, TimeUnit.SECONDS);

        assertNull(client.epoch(ROOM), "a single daemon has no epochs");
        assertTrue(lost.isEmpty());
    }

    /**
     * Two nodes; the client reaches node a through a proxy and node b directly, is joined on a,
     * and has been handed offsets 1 to 3, published on b.
     */
    private Cluster cluster(RedisServer redis) throws Exception {
        LiveServer a = node("a", redis);
        LiveServer b = node("b", redis);
        ChaosProxy toA = track(new ChaosProxy(a.port()));
        AgentBusClient client = track(AgentBusClient.builder(List.of(toA.uri(), b.uri()), "resumer").reconnect(FAST)
                .onMessage(sink).onHistoryLost(lost::add).connect());
        client.join(ROOM).get(10, TimeUnit.SECONDS);
        AgentBusClient publisher = track(AgentBusClient.builder(b.uri(), "pub").reconnect(FAST).connect());
        List<Published> acks = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            acks.add(publishOrdered(publisher, Integer.toString(n)));
        }
        sink.awaitCount(3);
        return new Cluster(a, b, toA, client, publisher, acks, sink);
    }

    private record Cluster(LiveServer a, LiveServer b, ChaosProxy toA, AgentBusClient client,
                           AgentBusClient publisher, List<Published> acks, OrderedSink sink) {
        /**
         * The client's link to a goes silent (it is handed nothing more), 4 and 5 are published,
         * Redis restarts, 6 is published, node a dies: the client fails over to b and rejoins
         * after offset 3. The acknowledgements of 1 to 6, in publication order.
         */
        List<Published> missThenFailOver(RedisServer redis) throws Exception {
            toA.blackhole(true);
            List<Published> all = new ArrayList<>(acks);
            all.add(publishOrdered(publisher, "4"));
            all.add(publishOrdered(publisher, "5"));
            redis.restart();
            all.add(publishOrdered(publisher, "6"));
            a.stop();
            await().atMost(WAIT).until(() -> client.state() == ConnectionState.CONNECTED
                    && b.uri().equals(client.server()));
            return all;
        }

        void assertHandedEveryAcknowledgedMessageOnceInOrder(List<Published> all) throws InterruptedException {
            assertEquals(List.of(1L, 2L, 3L), all.subList(0, 3).stream().map(Published::offset).toList());
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).offset() > all.get(i - 1).offset(), "offsets grow: " + all);
            }
            await().atMost(WAIT).until(() -> client.contiguousOffset(ROOM) >= all.get(all.size() - 1).offset());
            List<ReceivedMessage> got = sink.messages();
            assertEquals(all.size(), got.size(), "each message once: " + got);
            for (int i = 0; i < all.size(); i++) {
                assertEquals(all.get(i).offset(), got.get(i).offset(), "offset of publish " + (i + 1));
                assertEquals(Integer.toString(i + 1), got.get(i).text());
            }
        }
    }

    /** Publishes {@code text}, again while the node answers {@code overloaded} (Redis away), until ordered. */
    static Published publishOrdered(AgentBusClient publisher, String text) {
        AtomicReference<Published> ack = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                ack.set(publisher.publish(ROOM, text).get(30, TimeUnit.SECONDS));
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof OverloadedException) {
                    return false;
                }
                throw e;
            }
        });
        return ack.get();
    }

    private LiveServer node(String name, RedisServer redis) throws Exception {
        return track(LiveServer.start(dir.resolve(name), Map.of(Setting.CLUSTER_REDIS, redis.uri())));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }
}
