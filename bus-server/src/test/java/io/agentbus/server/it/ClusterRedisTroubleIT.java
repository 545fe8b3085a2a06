package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.server.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode when Redis goes away or loses its data, with two daemons in-process and a real
 * redis-server: publishers on both nodes keep publishing (with ids) throughout, and members on
 * both nodes record what they get. Every publish is answered once, {@code ok} or
 * {@code overloaded}; every {@code ok} names an offset at which every member on both nodes got
 * that very message; both nodes deliver one gap-free order; no connection is closed.
 */
class ClusterRedisTroubleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROOM = "team";
    private static final int CAPACITY = 200_000;
    private static final int MAX_PUBLISHES = 100_000;
    private static final int WINDOW = 20;
    /** Publishers publishing as fast as they can need the per-client rate limit off. */
    private static final Map<Setting, Object> UNLIMITED = Map.of(Setting.RATE_MESSAGES_PER_CLIENT, "0");
    /** Each publisher publishes at most 500 messages a second, so the rate limits stay far. */
    private static final long INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(2);

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryPublishAndAcknowledgeOnlyWhatBothNodesDeliverWhileRedisStopsAndComesBack()
            throws Exception {
        try (RedisServer redis = RedisServer.startKeepingData(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             Cast cast = Cast.on(a, b)) {
            Publishing publishing = cast.startPublishing(INTERVAL_NS);
            await().atMost(WAIT).until(() -> cast.everyPublisher(p -> p.oks() >= 100));

            redis.stop();
            await().atMost(WAIT).until(() -> degraded(a) && degraded(b));
            int refusedBefore = cast.overloaded();
            await().atMost(WAIT).until(() -> cast.everyPublisher(p -> p.overloaded() >= 10));
            assertTrue(cast.overloaded() > refusedBefore);
            redis.restart();
            await().atMost(WAIT).until(() -> up(a) && up(b));
            int oksBack = cast.oks();
            await().atMost(WAIT).until(() -> cast.oks() >= oksBack + 200);
            publishing.stop();

            cast.assertEveryPublishAnsweredOnce();
            cast.assertOneOrderWithEveryAcknowledgedMessage();
            cast.assertStillConnected();
        }
    }

    @Test
    void shouldNumberOnWithoutRepeatingAnOffsetWhenRedisLosesItsDataMidStream() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis, UNLIMITED);
             TestServer b = node("b", redis, UNLIMITED);
             Cast cast = Cast.on(a, b)) {
            Publishing publishing = cast.startPublishing(0);
            await().atMost(WAIT).until(() -> cast.everyPublisher(p -> p.oks() >= 100));

            flushAll(redis);
            int oksAfterFlush = cast.oks();
            await().atMost(WAIT).until(() -> cast.oks() >= oksAfterFlush + 200);
            redis.restart();
            await().atMost(WAIT).until(() -> up(a) && up(b));
            int oksBack = cast.oks();
            await().atMost(WAIT).until(() -> cast.oks() >= oksBack + 200);
            publishing.stop();

            cast.assertEveryPublishAnsweredOnce();
            cast.assertOneOrderWithEveryAcknowledgedMessage();
            cast.assertStillConnected();
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

    private static boolean degraded(TestServer node) throws Exception {
        String health = node.get("/health").body();
        return health.contains("\"status\":\"degraded\"") && health.contains("\"cluster\":{\"status\":\"failing\"");
    }

    private static boolean up(TestServer node) throws Exception {
        return node.get("/health").body().startsWith("{\"status\":\"up\"");
    }

    private static void flushAll(RedisServer redis) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertEquals("OK", c.sync().flushall());
        } finally {
            client.shutdown();
        }
    }

    /** A publisher and a member on each of the nodes, all in {@link #ROOM}; publisher pN is number N. */
    private static final class Cast implements AutoCloseable {
        private final List<RoomRecorder> publishers = new ArrayList<>();
        private final List<RoomRecorder> everyone = new ArrayList<>();

        static Cast on(TestServer... nodes) throws Exception {
            Cast cast = new Cast();
            try {
                for (int n = 0; n < nodes.length; n++) {
                    RoomRecorder publisher = RoomRecorder.join(nodes[n].port(), "p" + n, ROOM, CAPACITY,
                            MAX_PUBLISHES, WINDOW);
                    cast.publishers.add(publisher);
                    cast.everyone.add(publisher);
                    cast.everyone.add(RoomRecorder.join(nodes[n].port(), "m" + n, ROOM, CAPACITY, 0, 0));
                }
            } catch (Exception | AssertionError e) {
                cast.close();
                throw e;
            }
            return cast;
        }

        Publishing startPublishing(long intervalNs) {
            return Publishing.start(publishers, intervalNs);
        }

        boolean everyPublisher(java.util.function.Predicate<RoomRecorder> test) {
            return publishers.stream().allMatch(test);
        }

        int oks() {
            return publishers.stream().mapToInt(RoomRecorder::oks).sum();
        }

        int overloaded() {
            return publishers.stream().mapToInt(RoomRecorder::overloaded).sum();
        }

        void assertEveryPublishAnsweredOnce() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (int p = 0; p < publishers.size(); p++) {
                RoomRecorder publisher = publishers.get(p);
                assertTrue(publisher.awaitAnswers(deadline), "p" + p + ": a publish was not answered within " + WAIT);
                for (int seq = 1; seq <= publisher.published(); seq++) {
                    assertEquals(1, publisher.answers(seq), "p" + p + " publish " + seq + ": answers");
                }
                for (String error : publisher.errors()) {
                    assertTrue(error.contains("\"code\":\"overloaded\""), "p" + p + ": " + error);
                }
                assertEquals(publisher.published(), publisher.oks() + publisher.overloaded(), "p" + p);
            }
        }

        /**
         * Every member got offsets 1..n without a gap, the same message at each on both nodes, no
         * message twice, and every acknowledged message at the offset its ok named.
         */
        void assertOneOrderWithEveryAcknowledgedMessage() {
            long lastAcked = 0;
            for (RoomRecorder p : publishers) {
                for (int seq = 1; seq <= p.published(); seq++) {
                    lastAcked = Math.max(lastAcked, p.ackOffset(seq));
                }
            }
            long last = lastAcked;
            await().atMost(WAIT).until(() -> everyone.stream().allMatch(m -> m.received() >= last));
            RoomRecorder reference = everyone.get(0);
            int n = everyone.stream().mapToInt(RoomRecorder::received).min().orElse(0);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                assertTrue(seen.add(reference.key(i)), "message " + reference.key(i) + " twice, again at offset "
                        + reference.offset(i));
            }
            for (int m = 0; m < everyone.size(); m++) {
                RoomRecorder member = everyone.get(m);
                assertEquals(0, member.extra());
                for (int i = 0; i < n; i++) {
                    assertEquals(i + 1, member.offset(i), "member " + m + ": message " + i);
                    if (member.key(i) != reference.key(i)) {
                        fail("offset " + (i + 1) + ": member " + m + " saw " + member.key(i) + ", member 0 saw "
                                + reference.key(i));
                    }
                }
            }
            for (int p = 0; p < publishers.size(); p++) {
                RoomRecorder publisher = publishers.get(p);
                for (int seq = 1; seq <= publisher.published(); seq++) {
                    long offset = publisher.ackOffset(seq);
                    if (offset != RoomRecorder.NOT_ACKED) {
                        assertEquals((long) p * RoomRecorder.SEQ_LIMIT + seq, reference.key((int) offset - 1),
                                "p" + p + " publish " + seq + " was acknowledged at offset " + offset);
                    }
                }
            }
        }

        void assertStillConnected() {
            for (RoomRecorder m : everyone) {
                assertNull(m.ended());
            }
        }

        @Override
        public void close() throws IOException {
            for (RoomRecorder m : everyone) {
                m.close();
            }
        }
    }

    /** The publishers' threads, each publishing at most one message per interval (0: as fast as it can) until stopped. */
    private static final class Publishing {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stopped;

        static Publishing start(List<RoomRecorder> publishers, long intervalNs) {
            Publishing publishing = new Publishing();
            for (RoomRecorder p : publishers) {
                Thread t = new Thread(() -> {
                    try {
                        if (p.publishUntil(() -> publishing.stopped, intervalNs, WAIT.toMillis()) < 0) {
                            publishing.failure.compareAndSet(null, new AssertionError("publishes unanswered"));
                        }
                    } catch (Exception | AssertionError e) {
                        publishing.failure.compareAndSet(null, e);
                    }
                }, "publisher");
                publishing.threads.add(t);
                t.start();
            }
            return publishing;
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join(WAIT.toMillis());
                assertTrue(!t.isAlive(), "a publisher is still publishing");
            }
            if (failure.get() != null) {
                throw new AssertionError("a publisher failed", failure.get());
            }
        }
    }
}
