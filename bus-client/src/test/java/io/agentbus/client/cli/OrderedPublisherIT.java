package io.agentbus.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.client.it.LiveServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send -}'s publisher against the real daemon, with a client bound far below the input. */
class OrderedPublisherIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldWaitForEarlierAcknowledgementsWhenThePublishBufferIsFullAndPrintOffsetsInOrder() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LiveServer server = LiveServer.start(dataDir);
             AgentBusClient client = AgentBusClient.builder(server.uri(), "publisher-it").maxPendingPublishes(3)
                     .connect()) {
            OrderedPublisher publisher = new OrderedPublisher(client, "bounded",
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (int i = 1; i <= 500; i++) {
                publisher.publish(Message.text("m" + i), "line " + i);
            }

            assertNull(publisher.awaitAll());
        }
        List<String> expected = LongStream.rangeClosed(1, 500).mapToObj(Long::toString).toList();
        assertEquals(expected, printed.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
