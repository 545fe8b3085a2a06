package io.agentbus.benchmarks.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CountingSinkTest {
    private final DeliveryCounter deliveries = new DeliveryCounter();
    private final DeliveryCounter acks = new DeliveryCounter();
    private final EmbeddedChannel channel = new EmbeddedChannel(new CountingSink(deliveries, acks));

    @Test
    void shouldCountMsgFramesAsDeliveriesAndOkFramesAsAcks() {
        read("{\"op\":\"msg\",\"room\":\"r\",\"offset\":1}", "{\"op\":\"msg\",\"room\":\"r\",\"offset\":2}",
                "{\"op\":\"ok\",\"rid\":\"1\",\"room\":\"r\",\"offset\":2}", "{\"op\":\"presence\",\"room\":\"r\"}");
        assertEquals(2, deliveries.count());
        assertEquals(1, acks.count());
    }

    @Test
    void shouldFailTheWaitOnAnErrorFrame() {
        read("{\"op\":\"error\",\"rid\":\"1\",\"code\":\"overloaded\",\"message\":\"full\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> acks.await(1, 10, TimeUnit.SECONDS));
        assertTrue(e.getMessage().contains("overloaded"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> deliveries.await(1, 10, TimeUnit.SECONDS));
    }

    private void read(String... frames) {
        for (String frame : frames) {
            channel.writeInbound(new TextWebSocketFrame(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)));
        }
        channel.pipeline().fireChannelReadComplete();
    }
}
