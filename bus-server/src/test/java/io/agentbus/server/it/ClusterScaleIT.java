package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode at scale: three daemons in-process against one real redis-server, 300 members in
 * 10 rooms spread over the three (client k on node k % 3 in room k % 10, so every room has 10
 * members on each node), and 30,000 messages published from all three nodes at once (3 publishers
 * per room, one on each node, 1,000 messages each). Every member receives every message of its
 * room once, at offsets 1..3,000 with no gap, in the one order every other member of the room sees
 * on whichever node, and each publish's {@code ok} names the offset the members saw it at.
 */
class ClusterScaleIT {
    private static final int NODES = 3;
    private static final int ROOMS = 10;
    private static final int CLIENTS = 300;
    private static final int PUBLISHERS = 30;
    private static final int EACH = 1_000;
    private static final int PER_ROOM = PUBLISHERS / ROOMS * EACH;
    private static final int WINDOW = 50;
    private static final long DEADLINE_MS = 50_000;

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryMessageOnceInOneOrderToEveryMemberOnEveryNode() throws Exception {
        List<TestServer> nodes = new ArrayList<>();
        List<RoomRecorder> members = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(dir)) {
            try {
                for (int n = 0; n < NODES; n++) {
                    nodes.add(TestServer.start(dir.resolve("node-" + n), Map.of(Setting.CLUSTER_REDIS, redis.uri())));
                }
                for (int k = 0; k < CLIENTS; k++) {
                    boolean publisher = k < PUBLISHERS;
                    members.add(RoomRecorder.join(nodes.get(k % NODES).port(), (publisher ? "p" : "m") + k,
                            room(k), PER_ROOM, publisher ? EACH : 0, WINDOW));
                }

                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
                publishFromAllNodes(members);
                awaitEveryPublishAnswered(members, deadline);
                awaitEveryMessage(members, deadline);

                for (int r = 0; r < ROOMS; r++) {
                    assertOneOrderInRoom(members, r);
                }
            } finally {
                for (RoomRecorder m : members) {
                    m.close();
                }
                for (TestServer node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static String room(int k) {
        return "room-" + k % ROOMS;
    }

    private static void publishFromAllNodes(List<RoomRecorder> members) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            RoomRecorder publisher = members.get(p);
            int number = p;
            Thread t = new Thread(() -> {
                try {
                    if (!publisher.publish(EACH, DEADLINE_MS)) {
                        failure.compareAndSet(null, new AssertionError("p" + number + ": publishes unanswered"));
                    }
                } catch (Exception | AssertionError e) {
                    failure.compareAndSet(null, e);
                }
            }, "publisher-" + p);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(DEADLINE_MS);
            assertTrue(!t.isAlive(), t.getName() + " still publishing after " + DEADLINE_MS + " ms");
        }
        if (failure.get() != null) {
            throw new AssertionError("a publisher failed", failure.get());
        }
    }

    private static void awaitEveryPublishAnswered(List<RoomRecorder> members, long deadline)
            throws InterruptedException {
        for (int p = 0; p < PUBLISHERS; p++) {
            assertTrue(members.get(p).awaitAnswers(deadline), "p" + p + ": not every publish was answered");
        }
        for (RoomRecorder m : members) {
            assertEquals(List.of(), m.errors());
        }
    }

    private static void awaitEveryMessage(List<RoomRecorder> members, long deadline) throws InterruptedException {
        for (int k = 0; k < CLIENTS; k++) {
            RoomRecorder m = members.get(k);
            if (!m.awaitAll(deadline)) {
                int fewest = members.stream().mapToInt(RoomRecorder::received).min().orElse(0);
                fail("client " + k + " received " + m.received() + " of " + PER_ROOM + " (ended: " + m.ended()
                        + "); the fewest any member received: " + fewest);
            }
        }
    }

    /** Every member of room r saw offsets 1..PER_ROOM with the same message at each, each message once. */
    private static void assertOneOrderInRoom(List<RoomRecorder> members, int r) {
        RoomRecorder reference = members.get(r);
        Set<Long> expected = new HashSet<>();
        for (int p = r; p < PUBLISHERS; p += ROOMS) {
            for (int s = 1; s <= EACH; s++) {
                expected.add((long) p * RoomRecorder.SEQ_LIMIT + s);
            }
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < PER_ROOM; i++) {
            assertTrue(seen.add(reference.key(i)), "room " + r + ": message " + reference.key(i) + " twice");
        }
        assertEquals(expected, seen, "room " + r + ": the messages published into it");
        for (int k = r; k < CLIENTS; k += ROOMS) {
            RoomRecorder m = members.get(k);
            assertEquals(0, m.extra(), "client " + k + ": messages beyond the " + PER_ROOM + " published");
            for (int i = 0; i < PER_ROOM; i++) {
                assertEquals(i + 1, m.offset(i), "client " + k + " (node " + k % NODES + "): message " + i);
                if (m.key(i) != reference.key(i)) {
                    fail("room " + r + ", offset " + (i + 1) + ": client " + k + " (node " + k % NODES + ") saw "
                            + m.key(i) + ", client " + r + " (node " + r % NODES + ") saw " + reference.key(i));
                }
            }
        }
        for (int p = r; p < PUBLISHERS; p += ROOMS) {
            for (int s = 1; s <= EACH; s++) {
                long offset = members.get(p).ackOffset(s);
                assertTrue(offset >= 1 && offset <= PER_ROOM, "p" + p + " publish " + s + " acked with " + offset);
                assertEquals((long) p * RoomRecorder.SEQ_LIMIT + s, reference.key((int) offset - 1),
                        "p" + p + " publish " + s + ": the ok's offset " + offset + " holds another message");
            }
        }
    }
}
