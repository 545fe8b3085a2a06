package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining with {@code since}: what is replayed, and what is handed over live afterwards. */
class JoinSinceIT {
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void shouldHandOverLiveMessagesAfterAJoinWhoseSinceIsPastTheLastOffset() throws Exception {
        Received<ReceivedMessage> received = new Received<>();
        try (LiveServer server = LiveServer.start(dataDir);
             AgentBusClient writer = AgentBusClient.builder(server.uri(), "since-writer").connect();
             AgentBusClient reader = AgentBusClient.builder(server.uri(), "since-reader").onMessage(received)
                     .connect()) {
            writer.publish("since-room", "one").get(10, TimeUnit.SECONDS);
            writer.publish("since-room", "two").get(10, TimeUnit.SECONDS);

            assertEquals(2, reader.join("since-room", JoinOptions.DEFAULT.since(100)).get(10, TimeUnit.SECONDS)
                    .lastOffset());
            writer.publish("since-room", "three").get(10, TimeUnit.SECONDS);

            ReceivedMessage live = received.next(WAIT);
            assertEquals(3, live.offset());
            assertEquals(List.of("three"), Received.texts(List.of(live)));
            assertEquals(3, reader.contiguousOffset("since-room"));
        }
    }
}
