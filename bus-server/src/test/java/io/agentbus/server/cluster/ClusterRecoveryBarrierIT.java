package io.agentbus.server.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.it.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery barrier of {@link LogRecovery}, script by script against a real redis-server: a
 * Redis that lost a log's data numbers nothing in it until the barrier lifts, and then numbers
 * above the highest high-water mark any node reported, never at the stale floor of a lagging node.
 */
class ClusterRecoveryBarrierIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ROOM = "team";
    private static final String PAYLOAD = "[\"n\",1,\"c\",\"ch\",\"t\",\"normal\",0,null]\n{}";

    @TempDir
    Path dir;

    private RedisServer redis;
    private RedisLink link;
    private InboxLink inboxes;
    private RedisClient admin;
    private RedisCommands<String, String> sync;
    private final BlockingQueue<String> notices = new LinkedBlockingQueue<>();
    private final CountDownLatch subscribed = new CountDownLatch(2);

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start(dir);
        link = new RedisLink(redis.uri(), 2000, 1000);
        link.connect();
        link.subscribe(new LogChannel.Subscriber<LogEntry>() {
            @Override
            public void arrived(LogEntry entry) {
            }

            @Override
            public void subscribed() {
                subscribed.countDown();
            }

            @Override
            public void recovering(String room) {
                notices.add("room " + room);
            }
        });
        inboxes = new InboxLink(link);
        inboxes.subscribe(new LogChannel.Subscriber<InboxNews>() {
            @Override
            public void arrived(InboxNews news) {
            }

            @Override
            public void subscribed() {
                subscribed.countDown();
            }

            @Override
            public void recovering(String client) {
                notices.add("inbox " + client);
            }
        });
        assertTrue(subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS), "subscribed to both channels");
        admin = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> c = admin.connect();
        sync = c.sync();
    }

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        if (link != null) {
            link.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void shouldNumberANewRoomAtOnce() throws Exception {
        List<Object> first = order("fresh", 0);
        List<Object> second = order("fresh", 1);

        assertEquals(1L, first.get(0));
        assertEquals(2L, second.get(0));
        assertEquals(first.get(1), second.get(1), "one epoch");
        assertEquals("1", sync.get("agentbus:{fresh}:epoch-first"));
        assertEquals(0, sync.exists("agentbus:{fresh}:recovering"));
    }

    @Test
    void shouldNumberAStaleFloorAboveAnotherNodesHighWaterAfterRedisLostTheRoom() throws Exception {
        String oldEpoch = null;
        for (int i = 0; i < 100; i++) {
            oldEpoch = (String) order(ROOM, i).get(1);
        }
        assertEquals("OK", sync.flushall());

        List<Object> lagging = order(ROOM, 95);
        assertEquals(LogRecovery.RECOVERING, lagging.get(0), "a stale floor is not numbered at once: " + lagging);
        long waitMs = LogRecovery.waitMs(lagging);
        assertTrue(waitMs > 0 && waitMs <= LogRecovery.SETTLE_MS, "wait " + waitMs);
        assertEquals("room " + ROOM, notices.poll(WAIT.toSeconds(), TimeUnit.SECONDS), "the nodes are told");
        assertEquals(0L, raise(ROOM, 100), "the barrier is under way already");
        assertEquals(LogRecovery.RECOVERING, order(ROOM, 0).get(0), "a new caller waits too while it lasts");
        assertEquals(0, sync.xlen("agentbus:{" + ROOM + "}:log"), "nothing stored meanwhile");

        List<Object> after = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> order(ROOM, 95), r -> !LogRecovery.isRecovering(r));

        assertEquals(101L, after.get(0), "above the high water 100 another node reported");
        assertNotEquals(oldEpoch, after.get(1), "a new epoch");
        assertEquals("101", sync.get("agentbus:{" + ROOM + "}:epoch-first"));
        assertEquals(0, sync.exists("agentbus:{" + ROOM + "}:recovering"));
        assertEquals(102L, order(ROOM, 0).get(0), "numbered at once from then on");
    }

    @Test
    void shouldStartTheBarrierFromAHighWaterMarkAndHoldEventsAndIdsToo() throws Exception {
        assertEquals(1L, raise(ROOM, 40), "a node that knows the room while Redis has no epoch starts it");
        assertEquals("room " + ROOM, notices.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0L, raise(ROOM, 50));
        assertEquals(LogRecovery.RECOVERING, append(ROOM, 30).get(0), "an event waits too");
        String idKey = ClusterDedup.key(ROOM, "c", "m-1");
        List<Object> once = link.orderOnce(ROOM, 30, PAYLOAD, idKey, 60_000).toCompletableFuture().get();
        assertEquals(LogRecovery.RECOVERING, once.get(0));
        assertEquals(0, sync.exists(idKey), "an id is not recorded for what was not ordered");

        List<Object> event = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> append(ROOM, 30), r -> !LogRecovery.isRecovering(r));

        assertEquals(50L, event.get(0), "the event comes after message 50, the highest high water");
        assertEquals(1L, event.get(1));
        assertEquals("51", sync.get("agentbus:{" + ROOM + "}:epoch-first"));
        List<Object> ordered = link.orderOnce(ROOM, 30, PAYLOAD, idKey, 60_000).toCompletableFuture().get();
        assertEquals(51L, ordered.get(0), "ordered, not a duplicate: " + ordered);
    }

    @Test
    void shouldHoldAnInboxThatRedisLostLikeARoom() throws Exception {
        for (int i = 0; i < 10; i++) {
            inboxOrder("bob", i);
        }
        assertEquals("OK", sync.flushall());

        assertEquals(LogRecovery.RECOVERING, inboxOrder("bob", 7).get(0));
        assertEquals("inbox bob", notices.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0L, inboxes.raise("bob", 10).toCompletableFuture().get());
        assertEquals(1L, inboxOrder("alice", 0).get(0), "another, new inbox is numbered at once");

        List<Object> after = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> inboxOrder("bob", 7), r -> !LogRecovery.isRecovering(r));

        assertEquals(11L, after.get(0));
        assertFalse(notices.stream().anyMatch(n -> n.contains("alice")), "a new inbox starts no barrier: " + notices);
    }

    private List<Object> order(String room, long floor) throws Exception {
        return link.order(room, floor, PAYLOAD).toCompletableFuture().get();
    }

    private List<Object> append(String room, long floor) throws Exception {
        return link.append(room, floor, "[\"x\"]", "none", "", "", -1).toCompletableFuture().get();
    }

    private long raise(String room, long highWater) throws Exception {
        return link.raise(room, highWater).toCompletableFuture().get();
    }

    private List<Object> inboxOrder(String client, long floor) throws Exception {
        return inboxes.order(client, floor, PAYLOAD, null, 0).toCompletableFuture().get();
    }
}
