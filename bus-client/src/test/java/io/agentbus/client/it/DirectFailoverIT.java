package io.agentbus.client.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.Message;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.ReconnectPolicy;
import io.agentbus.client.Sent;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct messages across a fail-over (design section 3 and 4): a recipient on node a, messages
 * sent to it from node b. Its link to a goes silent while a writes it some (a's written cursor,
 * shared with b, moves past what the recipient was handed), more arrive while a dies and the
 * recipient moves to b: its {@code hello} to b says {@code inbox_since} = its contiguous inbox
 * offset, and it is handed every inbox offset once, in order.
 */
class DirectFailoverIT {
    static final int MESSAGES = 60;
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200));
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    void shouldHandEveryInboxMessageOnceInOrderToARecipientThatFailsOverWhileTheyArrive() throws Exception {
        RedisServer redis = track(RedisServer.start(dir));
        LiveServer a = node("a", redis);
        LiveServer b = node("b", redis);
        ChaosProxy toA = track(new ChaosProxy(a.port()));
        OrderedSink inbox = new OrderedSink(MESSAGES);
        AgentBusClient recipient = track(AgentBusClient.builder(List.of(toA.uri(), b.uri()), "recipient")
                .reconnect(FAST).onDirectMessage(inbox).connect());
        AgentBusClient sender = track(AgentBusClient.builder(b.uri(), "sender").reconnect(FAST).requestTimeout(WAIT)
                .connect());
        List<CompletableFuture<Sent>> sends = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            sends.add(send(sender, n));
        }
        inbox.awaitCount(3);

        toA.blackhole(true);
        for (int n = 4; n <= 6; n++) {
            sends.add(send(sender, n));
        }
        sends.get(5).get(10, TimeUnit.SECONDS);
        for (int n = 7; n <= MESSAGES / 2; n++) {
            sends.add(send(sender, n));
        }
        toA.dropConnections();
        a.stop();
        for (int n = MESSAGES / 2 + 1; n <= MESSAGES; n++) {
            sends.add(send(sender, n));
        }

        List<Sent> acks = new ArrayList<>();
        for (CompletableFuture<Sent> f : sends) {
            acks.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        await().atMost(WAIT).until(() -> recipient.state() == ConnectionState.CONNECTED);
        assertEquals(b.uri(), recipient.server());
        assertEachSendHandedOverOnceAtItsInboxOffset(acks, inbox);
    }

    private static CompletableFuture<Sent> send(AgentBusClient sender, int n) {
        return sender.send("recipient", Message.text(Integer.toString(n)));
    }

    /** Inbox offsets 1..n, each once and in order, the one each send was acknowledged with holding its text. */
    private static void assertEachSendHandedOverOnceAtItsInboxOffset(List<Sent> acks, OrderedSink inbox)
            throws InterruptedException {
        int n = acks.size();
        inbox.awaitCount(n);
        List<ReceivedMessage> got = inbox.messages();
        assertEquals(n, got.size(), "each inbox message once: " + got);
        Set<Long> offsets = new HashSet<>();
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, got.get(i).offset(), "inbox offset at position " + i);
            assertTrue(got.get(i).isDirect());
            long offset = acks.get(i).inboxOffset();
            assertTrue(offsets.add(offset), "send " + (i + 1) + " got inbox offset " + offset + ", another send's");
            assertTrue(offset >= 1 && offset <= n, "send " + (i + 1) + "'s inbox offset " + offset);
            assertEquals(Integer.toString(i + 1), got.get((int) offset - 1).text(),
                    "the message at send " + (i + 1) + "'s inbox offset");
        }
    }

    private LiveServer node(String name, RedisServer redis) throws Exception {
        return track(LiveServer.start(dir.resolve(name), Map.of(Setting.CLUSTER_REDIS, redis.uri())));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }
}
