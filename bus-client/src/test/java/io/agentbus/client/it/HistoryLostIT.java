package io.agentbus.client.it;

import static io.agentbus.client.it.ScriptedNode.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionEvent;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.HistoryLost;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.ReconnectPolicy;
import io.agentbus.protocol.frame.Join;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of {@code epoch} and {@code recovered} (design section 2) across a fail-over,
 * against {@link ScriptedNode}s: no real node sends these fields on this branch yet.
 */
class HistoryLostIT {
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200));
    static final Duration WAIT = Duration.ofSeconds(20);

    final List<HistoryLost> lost = new CopyOnWriteArrayList<>();
    final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    ScriptedNode first;
    ScriptedNode second;
    AgentBusClient client;

    @AfterEach
    void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {client, first, second}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing what is left; the test's outcome stands
            }
        }
    }

    @Test
    void shouldTellTheApplicationWhenTheNextNodeSaysHistoryWasNotRecovered() throws Exception {
        first = new ScriptedNode(j -> ok(j, 40, "e1", null));
        second = new ScriptedNode(j -> ok(j, 3, "e2", false));
        connect(List.of(first.uri(), second.uri()));
        client.join("r", JoinOptions.DEFAULT.since(40)).get(10, TimeUnit.SECONDS);
        assertEquals("e1", client.epoch("r"));

        first.closeConnections(1012, "service restart");

        await().atMost(WAIT).until(() -> !lost.isEmpty());
        assertEquals(List.of(new HistoryLost("r", 40, "e1", "e2")), lost);
        Join rejoin = second.joins().get(0);
        assertEquals(40, rejoin.since(), "resumed after the contiguous offset");
        assertEquals("e1", rejoin.epoch(), "named the epoch it had seen");
        assertEquals("e2", client.epoch("r"));
        assertEquals(second.uri(), client.server());
    }

    @Test
    void shouldStayQuietWhenTheNextNodeRecoveredEverythingOrSaysNothing() throws Exception {
        first = new ScriptedNode(j -> ok(j, 40, "e1", null));
        second = new ScriptedNode(j -> ok(j, 40, j.epoch() == null ? null : "e1", j.epoch() == null ? null : true));
        connect(List.of(first.uri(), second.uri()));
        client.join("r", JoinOptions.DEFAULT.since(40)).get(10, TimeUnit.SECONDS);

        first.closeConnections(1001, "going away");

        await().atMost(WAIT).until(() -> second.joins().size() == 1 && connectedTo(second.uri()));
        client.join("r", JoinOptions.DEFAULT.since(40)).get(10, TimeUnit.SECONDS);
        assertEquals("e1", second.joins().get(0).epoch());
        assertTrue(lost.isEmpty(), "recovered:true is not reported: " + lost);
    }

    @Test
    void shouldJoinASingleDaemonWithoutEpochsAsBefore() throws Exception {
        first = new ScriptedNode(j -> ok(j, 7, null, null));
        connect(List.of(first.uri()));

        client.join("r", JoinOptions.DEFAULT.since(0)).get(10, TimeUnit.SECONDS);

        assertNull(first.joins().get(0).epoch());
        assertNull(client.epoch("r"));
        assertTrue(lost.isEmpty());
    }

    private void connect(List<URI> nodes) {
        client = AgentBusClient.builder(nodes, "history-lost").reconnect(FAST).onHistoryLost(lost::add)
                .onConnectionChange(events::add).connect();
    }

    private boolean connectedTo(URI node) {
        return events.stream().anyMatch(e -> e.state() == ConnectionState.CONNECTED && node.equals(e.server()));
    }
}
