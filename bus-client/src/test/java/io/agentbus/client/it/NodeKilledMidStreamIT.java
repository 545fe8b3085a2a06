package io.agentbus.client.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.HistoryLost;
import io.agentbus.client.Published;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.ReconnectPolicy;
import io.agentbus.server.config.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's "Kill one node (SIGKILL) mid-stream: its clients fail over and lose nothing", with
 * many clients: three nodes against one {@code redis-server}, the one killed a real daemon child
 * process ({@code bin/agentbus start}). On it: 30 subscribers (10 in each of 3 rooms) and the 3
 * publishers (one per room), every client given all three nodes, half of them in the order
 * killed-b-c and half killed-c-b; on b and c one member of each room. The daemon is killed with
 * SIGKILL while the publishers stream. Every client ends on the node after the killed one in its
 * list; every subscriber is handed each offset of its room once, in order, the very messages the
 * members on the surviving nodes got; every publish is in its room once, at the offset its
 * acknowledgement holds; Redis kept every room's history, so no rejoin reports a loss.
 */
class NodeKilledMidStreamIT {
    static final int ROOMS = 3;
    static final int SUBSCRIBERS_PER_ROOM = 10;
    static final int MESSAGES_PER_ROOM = 900;
    static final int RATE_PER_SECOND = 300;
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200));
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    final List<AutoCloseable> closeables = new ArrayList<>();
    final List<HistoryLost> lost = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    void shouldMoveEveryClientOfAKilledNodeToAnotherAndLoseOrRepeatNothing() throws Exception {
        RedisServer redis = track(RedisServer.start(dir));
        DaemonProcess killed = track(new DaemonProcess(dir.resolve("killed"),
                Map.of("AGENTBUS_CLUSTER_REDIS", redis.uri())));
        killed.start();
        LiveServer b = track(LiveServer.start(dir.resolve("b"), Map.of(Setting.CLUSTER_REDIS, redis.uri())));
        LiveServer c = track(LiveServer.start(dir.resolve("c"), Map.of(Setting.CLUSTER_REDIS, redis.uri())));
        List<List<URI>> orders = List.of(List.of(killed.uri(), b.uri(), c.uri()), List.of(killed.uri(), c.uri(), b.uri()));

        List<Room> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            rooms.add(room("room-" + r, b.uri(), c.uri(), orders, orders.get(r % 2)));
        }
        for (Room room : rooms) {
            room.publisher.start();
        }
        for (Room room : rooms) {
            room.onB.awaitCount(MESSAGES_PER_ROOM / 3);
        }
        killed.kill();

        for (Room room : rooms) {
            room.assertEveryoneGotTheSameMessagesOnceInOrder();
        }
        for (Room room : rooms) {
            room.assertEveryClientMovedToTheNextNodeInItsList();
        }
        assertTrue(lost.isEmpty(), "Redis kept every room's history: no rejoin reports a loss: " + lost);
    }

    /** A room's members on b and c, its subscribers and its publisher on the node to be killed. */
    private Room room(String name, URI b, URI c, List<List<URI>> orders, List<URI> publisherNodes)
            throws Exception {
        OrderedSink onB = new OrderedSink(MESSAGES_PER_ROOM);
        OrderedSink onC = new OrderedSink(MESSAGES_PER_ROOM);
        member(name + "-on-b", List.of(b), name, onB);
        member(name + "-on-c", List.of(c), name, onC);
        List<Subscriber> subscribers = new ArrayList<>();
        for (int s = 0; s < SUBSCRIBERS_PER_ROOM; s++) {
            List<URI> nodes = orders.get(s % 2);
            OrderedSink sink = new OrderedSink(MESSAGES_PER_ROOM);
            subscribers.add(new Subscriber(member(name + "-sub-" + s, nodes, name, sink), nodes, sink));
        }
        AgentBusClient publisher = track(AgentBusClient.builder(publisherNodes, name + "-pub").reconnect(FAST)
                .requestTimeout(WAIT).connect());
        assertEquals(publisherNodes.get(0), publisher.server());
        return new Room(name, onB, onC, subscribers, new Subscriber(publisher, publisherNodes, null),
                new SteadyPublisher(publisher, name, MESSAGES_PER_ROOM, RATE_PER_SECOND));
    }

    private AgentBusClient member(String id, List<URI> nodes, String room, OrderedSink sink) throws Exception {
        AgentBusClient client = track(AgentBusClient.builder(nodes, id).reconnect(FAST).requestTimeout(WAIT)
                .onMessage(sink).connect());
        client.join(room).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(nodes.get(0), client.server(), id + " is on the first node of its list");
        return client;
    }

    private record Subscriber(AgentBusClient client, List<URI> nodes, OrderedSink sink) {
    }

    private record Room(String name, OrderedSink onB, OrderedSink onC, List<Subscriber> subscribers,
                        Subscriber publishing, SteadyPublisher publisher) {
        void assertEveryoneGotTheSameMessagesOnceInOrder() throws Exception {
            List<Published> acks = publisher.awaitAll();
            FailoverIT.assertEachPublishStoredOnceAtItsAcknowledgedOffset(acks, onB);
            assertTrue(publishing.client.history(name, MESSAGES_PER_ROOM, 10).get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .messages().isEmpty(), name + ": nothing stored after the last publish");
            List<String> reference = lines(onB);
            onC.awaitCount(MESSAGES_PER_ROOM);
            assertEquals(reference, lines(onC), name + ": the member on c got what the member on b got");
            for (Subscriber s : subscribers) {
                s.sink.awaitCount(MESSAGES_PER_ROOM);
                assertEquals(reference, lines(s.sink), name + ": " + s.client.clientId()
                        + " was handed each offset once, in order, the messages the members on b and c got");
            }
        }

        void assertEveryClientMovedToTheNextNodeInItsList() {
            List<Subscriber> moved = new ArrayList<>(subscribers);
            moved.add(publishing);
            for (Subscriber s : moved) {
                await().atMost(WAIT).until(() -> s.client.state() == ConnectionState.CONNECTED);
                assertEquals(s.nodes.get(1), s.client.server(), s.client.clientId() + " moved to the next node");
            }
        }

        /** "offset text" per message handed over, in arrival order. */
        private static List<String> lines(OrderedSink sink) {
            return sink.messages().stream().map(Room::line).toList();
        }

        private static String line(ReceivedMessage m) {
            return m.offset() + " " + m.text();
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }
}
