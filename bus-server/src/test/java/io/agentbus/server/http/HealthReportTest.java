package io.agentbus.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthReportTest {
    @Test
    void shouldBeDegradedWhileTheInternalQueueIsDeeperThanItsThreshold() {
        HealthReport health = new HealthReport("test", new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE));
        health.lifecycle(Lifecycle.UP);
        AtomicInteger depth = new AtomicInteger(3);
        health.sequencer(depth::get, 3);

        String atThreshold = respond(health);
        assertTrue(atThreshold.startsWith("{\"status\":\"up\""), atThreshold);
        assertTrue(atThreshold.endsWith(",\"sequencer\":{\"status\":\"ok\",\"internal_queue\":3}}"), atThreshold);

        depth.set(4);
        String past = respond(health);
        assertTrue(past.startsWith("{\"status\":\"degraded\""), past);
        assertTrue(past.contains("\"sequencer\":{\"status\":\"failing\",\"internal_queue\":4,\"problem\":\"4"
                + " notifications wait in the sequencer's internal queue, more than internal.queue.degraded=3"), past);

        depth.set(0);
        assertFalse(respond(health).contains("degraded"), "it recovers when the queue drains");
    }

    private static String respond(HealthReport health) {
        ChannelHandlerContext[] context = new ChannelHandlerContext[1];
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                context[0] = ctx;
            }
        });
        health.respond(context[0], false);
        FullHttpResponse response = channel.readOutbound();
        try {
            assertEquals(200, response.status().code());
            return response.content().toString(StandardCharsets.UTF_8);
        } finally {
            response.release();
            channel.finishAndReleaseAll();
        }
    }
}
