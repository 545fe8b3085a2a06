package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionEvent;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.Published;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.ReconnectPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's promise: through lost connections and a daemon restart, the application sees
 * every offset of a room exactly once, in order, and every publish is stored exactly once.
 */
class ReconnectIT {
    static final int MESSAGES = 20_000;
    static final int RATE_PER_SECOND = 4_000;
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200));

    @TempDir
    Path dataDir;
    LiveServer server;
    final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = LiveServer.start(dataDir);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        server.close();
    }

    @Test
    void shouldHandOverEveryOffsetOnceWhenConnectionsAreDroppedUnderPublisherAndSubscriber() throws Exception {
        ChaosProxy proxy = track(new ChaosProxy(server.port()));
        OrderedSink sink = new OrderedSink(MESSAGES);
        AgentBusClient subscriber = track(AgentBusClient.builder(proxy.uri(), "sub-drop").reconnect(FAST)
                .onMessage(sink).connect());
        subscriber.join("drop-room").get(10, TimeUnit.SECONDS);
        ChaosProxy publisherProxy = track(new ChaosProxy(server.port()));
        AgentBusClient publisher = track(AgentBusClient.builder(publisherProxy.uri(), "pub-drop").reconnect(FAST)
                .connect());

        SteadyPublisher steady = new SteadyPublisher(publisher, "drop-room", MESSAGES, RATE_PER_SECOND);
        steady.start();
        sink.awaitCount(MESSAGES / 4);
        proxy.dropConnections();
        sink.awaitCount(MESSAGES / 2);
        publisherProxy.dropConnections();
        sink.awaitCount(MESSAGES * 3 / 4);
        proxy.dropConnections();
        publisherProxy.dropConnections();

        assertEveryOffsetOnce(steady.awaitAll(), sink);
        assertTrue(proxy.accepted() >= 3, "the subscriber reconnected twice: " + proxy.accepted() + " connections");
        assertTrue(publisherProxy.accepted() >= 3, "the publisher reconnected twice");
    }

    @Test
    void shouldHandOverEveryOffsetOnceAcrossADaemonRestart() throws Exception {
        OrderedSink sink = new OrderedSink(MESSAGES);
        AtomicInteger reconnects = new AtomicInteger();
        AgentBusClient subscriber = track(AgentBusClient.builder(server.uri(), "sub-restart").reconnect(FAST)
                .onMessage(sink).onConnectionChange(e -> countReconnects(e, reconnects)).connect());
        subscriber.join("restart-room").get(10, TimeUnit.SECONDS);
        AgentBusClient publisher = track(AgentBusClient.builder(server.uri(), "pub-restart").reconnect(FAST)
                .connect());

        SteadyPublisher steady = new SteadyPublisher(publisher, "restart-room", MESSAGES, RATE_PER_SECOND);
        steady.start();
        sink.awaitCount(MESSAGES / 3);
        server.restart();

        assertEveryOffsetOnce(steady.awaitAll(), sink);
        assertTrue(reconnects.get() >= 2, "the subscriber reconnected after the restart");
    }

    @Test
    void shouldHandOverEveryOffsetOnceAndStoreEachPublishOnceWhenTheDaemonProcessIsKilled() throws Exception {
        DaemonProcess daemon = track(new DaemonProcess(dataDir.resolve("process")));
        daemon.start();
        OrderedSink sink = new OrderedSink(MESSAGES);
        AgentBusClient subscriber = track(AgentBusClient.builder(daemon.uri(), "sub-kill").reconnect(FAST)
                .onMessage(sink).connect());
        subscriber.join("kill-room").get(10, TimeUnit.SECONDS);
        AgentBusClient publisher = track(AgentBusClient.builder(daemon.uri(), "pub-kill").reconnect(FAST)
                .requestTimeout(Duration.ofSeconds(90)).connect());

        SteadyPublisher steady = new SteadyPublisher(publisher, "kill-room", MESSAGES, RATE_PER_SECOND);
        steady.start();
        sink.awaitCount(MESSAGES / 3);
        daemon.kill();
        daemon.start();

        assertEveryOffsetOnce(steady.awaitAll(), sink);
    }

    @Test
    void shouldSendPublishesBufferedWhileDisconnectedOnceAfterReconnect() throws Exception {
        OrderedSink sink = new OrderedSink(100);
        AgentBusClient subscriber = track(AgentBusClient.builder(server.uri(), "sub-buffer").reconnect(FAST)
                .onMessage(sink).connect());
        subscriber.join("buffer-room").get(10, TimeUnit.SECONDS);
        CountDownLatch disconnected = new CountDownLatch(1);
        AgentBusClient publisher = track(AgentBusClient.builder(server.uri(), "pub-buffer").reconnect(FAST)
                .onConnectionChange(e -> {
                    if (e.state() == ConnectionState.DISCONNECTED) {
                        disconnected.countDown();
                    }
                }).connect());

        server.stop();
        assertTrue(disconnected.await(10, TimeUnit.SECONDS), "the publisher saw the server go");
        SteadyPublisher steady = new SteadyPublisher(publisher, "buffer-room", 100, 10_000);
        steady.start();
        steady.awaitAllSent();
        assertTrue(steady.noneDone(), "nothing can be acknowledged while the server is down");
        server.startAgain();

        assertEveryOffsetOnce(steady.awaitAll(), sink);
    }

    private static void countReconnects(ConnectionEvent e, AtomicInteger reconnects) {
        if (e.state() == ConnectionState.CONNECTED) {
            reconnects.incrementAndGet();
        }
    }

    private static void assertEveryOffsetOnce(List<Published> acks, OrderedSink sink) throws InterruptedException {
        Set<Long> acked = new HashSet<>();
        for (Published p : acks) {
            assertTrue(acked.add(p.offset()), "offset " + p.offset() + " acknowledged twice");
        }
        assertEquals(acks.size(), acked.size());
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
