package io.agentbus.client.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionEvent;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.Published;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.ReconnectPolicy;
import io.agentbus.server.config.Setting;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail-over across cluster nodes (issue 10, item 4): a client given several nodes, subscribed on
 * the first, keeps receiving a numbered stream published on another node while its node dies,
 * every message once and in order, and ends up connected to another node.
 */
class FailoverIT {
    static final int MESSAGES = 3_000;
    static final int RATE_PER_SECOND = 1_000;
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200));
    static final String ROOM = "failover-room";

    @TempDir
    Path dir;
    RedisServer redis;
    final List<AutoCloseable> closeables = new ArrayList<>();
    final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start(dir);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        redis.close();
    }

    @Test
    void shouldMoveToTheNextNodeAndMissNothingWhenItsNodeIsStoppedMidStream() throws Exception {
        LiveServer a = node("a");
        LiveServer b = node("b");
        LiveServer c = node("c");
        OrderedSink sink = new OrderedSink(MESSAGES);
        AgentBusClient subscriber = subscriber(List.of(a.uri(), b.uri(), c.uri()), sink);
        assertEquals(a.uri(), subscriber.server(), "the first node is tried first");
        SteadyPublisher steady = publisherOn(b.uri());

        steady.start();
        sink.awaitCount(MESSAGES / 3);
        a.stop();

        assertEveryOffsetOnce(steady.awaitAll(), sink);
        assertEquals(b.uri(), subscriber.server(), "the next node in the list took over");
        assertConnectedTo(b.uri());
    }

    @Test
    void shouldMoveToTheNextNodeAndMissNothingWhenItsNodesProcessIsKilled() throws Exception {
        DaemonProcess a = track(new DaemonProcess(dir.resolve("a"), Map.of("AGENTBUS_CLUSTER_REDIS", redis.uri())));
        a.start();
        LiveServer b = node("b");
        OrderedSink sink = new OrderedSink(MESSAGES);
        AgentBusClient subscriber = subscriber(List.of(a.uri(), b.uri()), sink);
        SteadyPublisher steady = publisherOn(b.uri());

        steady.start();
        sink.awaitCount(MESSAGES / 3);
        a.kill();

        assertEveryOffsetOnce(steady.awaitAll(), sink);
        assertEquals(b.uri(), subscriber.server());
        assertConnectedTo(b.uri());
    }

    @Test
    void shouldGoRoundTheListPastTheLastNodeToTheFirst() throws Exception {
        LiveServer a = node("a");
        LiveServer b = node("b");
        OrderedSink sink = new OrderedSink(MESSAGES);
        AgentBusClient subscriber = subscriber(List.of(b.uri(), a.uri()), sink);
        SteadyPublisher steady = publisherOn(b.uri());
        steady.start();
        sink.awaitCount(MESSAGES / 4);
        b.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> connectedTo(a.uri()));
        b.startAgain();
        sink.awaitCount(MESSAGES / 2);

        a.stop();

        assertEveryOffsetOnce(steady.awaitAll(), sink);
        assertEquals(b.uri(), subscriber.server(), "after the last node, the first again");
    }

    @Test
    void shouldSkipANodeThatRefusesTheUpgradeWith503() throws Exception {
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        refusing.start();
        closeables.add(() -> refusing.stop(0));
        URI refusingUri = URI.create("ws://127.0.0.1:" + refusing.getAddress().getPort() + "/ws");
        LiveServer a = node("a");

        AgentBusClient client = track(AgentBusClient.builder(List.of(refusingUri, a.uri()), "skips-503")
                .reconnect(FAST).onConnectionChange(events::add).connect());

        assertEquals(a.uri(), client.server());
        assertConnectedTo(a.uri());
        assertTrue(events.stream().anyMatch(e -> e.state() == ConnectionState.DISCONNECTED
                && refusingUri.equals(e.server()) && e.reason().contains("503")), "the refusal was reported: " + events);
    }

    /**
     * The publisher's node dies with publishes in flight: they are re-sent to the next node under
     * their ids, and the cluster's de-duplication answers one the dead node had already ordered
     * with its original offset. Every publish is in the room exactly once, and its future holds
     * the offset its message has.
     */
    @Test
    void shouldResendThePublishesInFlightToTheNextNodeAndStoreEachExactlyOnce() throws Exception {
        LiveServer a = node("a");
        LiveServer b = node("b");
        OrderedSink sink = new OrderedSink(MESSAGES);
        AgentBusClient subscriber = subscriber(List.of(b.uri()), sink);
        AgentBusClient publisher = track(AgentBusClient.builder(List.of(a.uri(), b.uri()), "pub-moves")
                .reconnect(FAST).requestTimeout(Duration.ofSeconds(60)).onConnectionChange(events::add).connect());
        SteadyPublisher steady = new SteadyPublisher(publisher, ROOM, MESSAGES, RATE_PER_SECOND);

        steady.start();
        sink.awaitCount(MESSAGES / 3);
        a.stop();
        List<Published> acks = steady.awaitAll();

        assertEquals(b.uri(), publisher.server());
        assertEachPublishStoredOnceAtItsAcknowledgedOffset(acks, sink);
        assertTrue(subscriber.history(ROOM, MESSAGES, 10).get(10, TimeUnit.SECONDS).messages().isEmpty(),
                "nothing was stored after the last publish: no second copy");
    }

    /**
     * The dead node had ordered publishes whose acknowledgements never reached the client (its
     * link delivered nothing back): re-sent to the next node under their ids, each is answered
     * as a duplicate with the offset it already has, and the room holds it once.
     */
    @Test
    void shouldAnswerAResentPublishTheDeadNodeHadOrderedWithItsOriginalOffset() throws Exception {
        LiveServer a = node("a");
        LiveServer b = node("b");
        ChaosProxy toA = track(new ChaosProxy(a.port()));
        OrderedSink sink = new OrderedSink(8);
        AgentBusClient subscriber = subscriber(List.of(b.uri()), sink);
        AgentBusClient publisher = track(AgentBusClient.builder(List.of(toA.uri(), b.uri()), "pub-resends")
                .reconnect(FAST).requestTimeout(Duration.ofSeconds(60)).connect());
        List<CompletableFuture<Published>> futures = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            futures.add(publisher.publish(ROOM, Integer.toString(n)));
        }
        for (CompletableFuture<Published> f : futures) {
            assertEquals(false, f.get(10, TimeUnit.SECONDS).duplicate());
        }
        toA.pauseDownstream(true);
        for (int n = 4; n <= 8; n++) {
            futures.add(publisher.publish(ROOM, Integer.toString(n)));
        }
        sink.awaitCount(8);
        assertTrue(futures.subList(3, 8).stream().noneMatch(CompletableFuture::isDone), "no ack of 4..8 got through");

        toA.dropConnections();
        a.stop();

        List<Published> acks = new ArrayList<>();
        for (CompletableFuture<Published> f : futures) {
            acks.add(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(b.uri(), publisher.server());
        assertEquals(List.of(false, false, false, true, true, true, true, true),
                acks.stream().map(Published::duplicate).toList(), "4..8 were answered by the dedup: " + acks);
        assertEachPublishStoredOnceAtItsAcknowledgedOffset(acks, sink);
        sink.assertExactlyOnceInOrder(8);
        assertTrue(subscriber.history(ROOM, 8, 10).get(10, TimeUnit.SECONDS).messages().isEmpty(),
                "no second copy after offset 8");
    }

    /**
     * Publish number i (text {@code "i"}) was acknowledged with an offset no other publish got,
     * the offsets acknowledged are 1..n, and the room holds exactly those n messages, the one at
     * each publish's offset with that publish's text.
     */
    static void assertEachPublishStoredOnceAtItsAcknowledgedOffset(List<Published> acks, OrderedSink sink)
            throws InterruptedException {
        int n = acks.size();
        sink.awaitCount(n);
        List<ReceivedMessage> got = sink.messages();
        assertEquals(n, got.size(), "the room holds each publish once");
        Set<Long> offsets = new HashSet<>();
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, got.get(i).offset(), "offset at position " + i);
            long offset = acks.get(i).offset();
            assertTrue(offsets.add(offset), "publish " + (i + 1) + " got offset " + offset + ", another publish's");
            assertTrue(offset >= 1 && offset <= n, "publish " + (i + 1) + " got offset " + offset + ", outside 1.." + n);
            assertEquals(Integer.toString(i + 1), got.get((int) offset - 1).text(),
                    "the message at publish " + (i + 1) + "'s acknowledged offset " + offset);
        }
    }

    private LiveServer node(String name) throws Exception {
        return track(LiveServer.start(dir.resolve(name), Map.of(Setting.CLUSTER_REDIS, redis.uri())));
    }

    private AgentBusClient subscriber(List<URI> nodes, OrderedSink sink) throws Exception {
        AgentBusClient subscriber = track(AgentBusClient.builder(nodes, "sub-failover").reconnect(FAST)
                .onMessage(sink).onConnectionChange(events::add).connect());
        subscriber.join(ROOM).get(10, TimeUnit.SECONDS);
        return subscriber;
    }

    private SteadyPublisher publisherOn(URI node) {
        AgentBusClient publisher = track(AgentBusClient.builder(node, "pub-failover").reconnect(FAST)
                .requestTimeout(Duration.ofSeconds(60)).connect());
        return new SteadyPublisher(publisher, ROOM, MESSAGES, RATE_PER_SECOND);
    }

    private boolean connectedTo(URI node) {
        return events.stream().anyMatch(e -> e.state() == ConnectionState.CONNECTED && node.equals(e.server()));
    }

    private void assertConnectedTo(URI node) {
        assertTrue(connectedTo(node), "a CONNECTED event names " + node + ": " + events);
    }

    static void assertEveryOffsetOnce(List<Published> acks, OrderedSink sink) throws InterruptedException {
        Set<Long> acked = new HashSet<>();
        for (Published p : acks) {
            assertTrue(acked.add(p.offset()), "offset " + p.offset() + " acknowledged twice");
        }
        for (long offset = 1; offset <= acks.size(); offset++) {
            assertTrue(acked.contains(offset), "no publish was acknowledged with offset " + offset);
        }
        sink.awaitCount(acks.size());
        sink.assertExactlyOnceInOrder(acks.size());
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }
}
