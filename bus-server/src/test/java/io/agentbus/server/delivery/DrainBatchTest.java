package io.agentbus.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.protocol.Priority;
import io.agentbus.server.metrics.BusMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frames offered on the owner thread leave at the release; from any other thread at once. */
class DrainBatchTest {
    private final DrainBatch batch = new DrainBatch();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final FrameEncoder encoder = new FrameEncoder(UnpooledByteBufAllocator.DEFAULT);
    private DeliveryQueue queue;

    @BeforeEach
    void setUp() {
        batch.own();
        queue = new DeliveryQueue(channel, 16, 1 << 20, encoder, (client, offset) -> { }, batch, new BusMetrics());
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldHoldFramesSignalledOnTheOwnerThreadUntilTheRelease() {
        queue.offer(Priority.NORMAL, frame("one"));
        queue.signal();
        queue.offer(Priority.NORMAL, frame("two"));
        queue.signal();
        channel.runPendingTasks();
        assertNull(channel.readOutbound(), "nothing leaves before the release");

        batch.release();
        channel.runPendingTasks();
        assertEquals("one", readText());
        assertEquals("two", readText());
        assertNull(channel.readOutbound());
    }

    @Test
    void shouldMarkTheQueueAgainAfterARelease() {
        queue.offer(Priority.HIGH, frame("first"));
        queue.signal();
        batch.release();
        channel.runPendingTasks();
        assertEquals("first", readText());

        queue.offer(Priority.HIGH, frame("second"));
        queue.signal();
        batch.release();
        channel.runPendingTasks();
        assertEquals("second", readText());
    }

    @Test
    void shouldDrainAtOnceWhenSignalledFromAnotherThread() throws Exception {
        queue.offer(Priority.NORMAL, frame("elsewhere"));
        CompletableFuture.runAsync(queue::signal).get(10, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertEquals("elsewhere", readText());
    }

    private ByteBuf frame(String text) {
        return encoder.wrapSequenced(text.getBytes(StandardCharsets.UTF_8), System.nanoTime());
    }

    private String readText() {
        TextWebSocketFrame frame = channel.readOutbound();
        try {
            return frame.text();
        } finally {
            frame.release();
        }
    }
}
