package io.agentbus.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.Priority;
import io.agentbus.server.metrics.BusMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The byte budget of a delivery queue: 1,000 bytes here, frames of 100, lanes of 16 frames, so
 * every refusal below is the budget's, never a lane's count.
 */
class DeliveryQueueBytesTest {
    private static final int BUDGET = 1000;
    private static final int FRAME = 100;

    private final DrainBatch batch = new DrainBatch();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final FrameEncoder encoder = new FrameEncoder(UnpooledByteBufAllocator.DEFAULT);
    private final List<ByteBuf> refused = new ArrayList<>();
    private DeliveryQueue queue;

    @BeforeEach
    void setUp() {
        batch.own();
        queue = new DeliveryQueue(channel, 16, BUDGET, encoder, (client, offset) -> { }, batch, new BusMetrics());
    }

    @AfterEach
    void tearDown() {
        refused.forEach(ByteBuf::release);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldRefuseLowFramesBeyondHalfTheBudget() {
        assertEquals(5, offerUntilRefused(Priority.LOW), "low fills 500 of 1,000 bytes");
        assertEquals(500, queue.queuedBytes());
    }

    @Test
    void shouldKeepTheRestOfTheBudgetForHigherPriorities() {
        offerUntilRefused(Priority.LOW);

        assertEquals(2, offerUntilRefused(Priority.NORMAL), "normal fills up to 750");
        assertEquals(3, offerUntilRefused(Priority.HIGH), "high fills up to 1,000");
        assertFalse(queue.offer(Priority.CRITICAL, frame()), "critical too stops at the budget");
        assertEquals(BUDGET, queue.queuedBytes());
    }

    @Test
    void shouldGiveTheBytesBackOnceWritten() {
        offerUntilRefused(Priority.HIGH);
        queue.signal();
        batch.release();
        channel.runPendingTasks();

        assertEquals(10, readAll(), "the ten queued frames were written");
        assertEquals(0, queue.queuedBytes());
        assertEquals(10, offerUntilRefused(Priority.HIGH), "the whole budget is free again");
    }

    @Test
    void shouldGiveTheBytesBackWhenFramesAreDiscarded() {
        offerUntilRefused(Priority.NORMAL);
        channel.close();
        queue.drain();

        assertEquals(0, queue.queuedBytes());
    }

    @Test
    void shouldAdmitAFrameLargerThanTheBudgetIntoAnEmptyQueueOnly() {
        assertTrue(queue.offer(Priority.LOW, frame(3 * BUDGET)), "nothing queued: a reader that keeps up gets it");
        assertFalse(queue.offer(Priority.CRITICAL, frame()), "but nothing fits behind it");
    }

    @Test
    void shouldCountDirectMessagesToo() {
        for (int i = 0; i < 10; i++) {
            assertTrue(queue.offer(Priority.HIGH, new InboxFrame(frame(), "to", i)));
        }
        InboxFrame eleventh = new InboxFrame(frame(), "to", 10);

        assertFalse(queue.offer(Priority.HIGH, eleventh));
        refused.add(eleventh.frame());
    }

    /** Offers frames until one is refused (kept for release); returns how many were queued. */
    private int offerUntilRefused(Priority priority) {
        for (int queued = 0; queued < 16; queued++) {
            ByteBuf frame = frame();
            if (!queue.offer(priority, frame)) {
                refused.add(frame);
                return queued;
            }
        }
        throw new AssertionError("the lane's count, not the budget, stopped " + priority);
    }

    private int readAll() {
        int read = 0;
        for (TextWebSocketFrame f = channel.readOutbound(); f != null; f = channel.readOutbound()) {
            f.release();
            read++;
        }
        return read;
    }

    private ByteBuf frame() {
        return frame(FRAME);
    }

    private ByteBuf frame(int bytes) {
        return encoder.wrapSequenced(new byte[bytes], System.nanoTime());
    }
}
