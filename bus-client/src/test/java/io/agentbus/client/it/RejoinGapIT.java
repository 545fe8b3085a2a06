package io.agentbus.client.it;

import static io.agentbus.client.it.ScriptedNode.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.ReconnectPolicy;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Msg;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A node's replay after a fail-over that misses an offset: the client notices when the first live
 * message past the replay arrives, fetches the hole with {@code history}, and hands every offset
 * over once. (Against {@link ScriptedNode}s: a real node's replay has no holes to provoke.)
 */
class RejoinGapIT {
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200));

    @Test
    void shouldFetchAnOffsetTheNextNodesReplayMissedWithHistory() throws Exception {
        List<Long> handedOver = new CopyOnWriteArrayList<>();
        try (ScriptedNode first = new ScriptedNode(j -> ok(j, 5, null, null));
             ScriptedNode second = new ScriptedNode(j -> ok(j, 10, null, null));
             AgentBusClient client = AgentBusClient.builder(List.of(first.uri(), second.uri()), "gap")
                     .reconnect(FAST).onMessage(m -> handedOver.add(m.offset())).connect()) {
            client.join("r").get(10, TimeUnit.SECONDS);
            first.send(msg(6));
            await().atMost(Duration.ofSeconds(10)).until(() -> client.contiguousOffset("r") == 6);
            second.replay(List.of(msg(7), msg(9), msg(10)));
            second.log(LongStream.rangeClosed(1, 11).mapToObj(RejoinGapIT::msg).toList());

            first.closeConnections(1012, "service restart");
            await().atMost(Duration.ofSeconds(10)).until(() -> handedOver.contains(10L));
            second.send(msg(11));

            await().atMost(Duration.ofSeconds(10)).until(() -> client.contiguousOffset("r") == 11);
            assertEquals(List.of(6L, 7L, 9L, 10L, 11L, 8L), handedOver, "each once; the hole last");
            assertEquals(7, second.historyRequests().get(0).since(), "asked after the contiguous offset");
            assertEquals(6, second.joins().get(0).since());
        }
    }

    private static Msg msg(long offset) {
        return new Msg("r", null, offset, "p", "main", "message", Priority.NORMAL, 1_700_000_000_000L,
                JsonValue.NULL, null);
    }
}
