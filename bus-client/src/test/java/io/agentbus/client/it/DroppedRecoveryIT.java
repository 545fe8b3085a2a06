package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client too slow to read gets {@code dropped} notices instead of its low/normal messages; the
 * client fetches the ranges with {@code history} and still hands every offset over once.
 */
class DroppedRecoveryIT {
    static final int MESSAGES = 1_000;

    @TempDir
    Path dataDir;

    @Test
    void shouldRecoverDroppedRangesFromHistoryAndHandEachOffsetOverOnce() throws Exception {
        Map<Setting, Object> slow = Map.of(Setting.DELIVERY_QUEUE_CAPACITY, 16,
                Setting.WRITE_BUFFER_LOW_BYTES, 1024, Setting.WRITE_BUFFER_HIGH_BYTES, 2048);
        Received<Dropped> dropped = new Received<>();
        OrderedSink sink = new OrderedSink(MESSAGES);
        try (LiveServer server = LiveServer.start(dataDir, slow);
             ChaosProxy proxy = new ChaosProxy(server.port());
             AgentBusClient subscriber = AgentBusClient.builder(proxy.uri(), "slow-sub").onMessage(sink).connect();
             AgentBusClient publisher = AgentBusClient.builder(server.uri(), "fast-pub").connect()) {
            subscriber.onDropped(dropped);
            subscriber.join("slow-room").get(10, TimeUnit.SECONDS);
            proxy.pauseDownstream(true);
            List<CompletableFuture<Published>> acks = IntStream.rangeClosed(1, MESSAGES)
                    .mapToObj(i -> publisher.publish("slow-room", Message.text(Integer.toString(i))
                            .priority(Priority.LOW)))
                    .toList();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            proxy.pauseDownstream(false);

            Dropped notice = dropped.next(Duration.ofSeconds(30));
            assertEquals("slow-room", notice.room());
            sink.awaitCount(MESSAGES);
            Set<Long> offsets = new HashSet<>();
            for (ReceivedMessage m : sink.messages()) {
                assertTrue(offsets.add(m.offset()), "offset " + m.offset() + " handed over twice");
                assertEquals(Long.toString(m.offset()), m.text());
            }
            assertEquals(MESSAGES, offsets.size());
            assertEquals(MESSAGES, subscriber.contiguousOffset("slow-room"));
        }
    }
}
