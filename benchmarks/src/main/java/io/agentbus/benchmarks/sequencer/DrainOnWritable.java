package io.agentbus.benchmarks.sequencer;

import io.agentbus.server.delivery.DeliveryQueue;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Resumes a delivery queue's drain when its channel turns writable again, as the server's session
 * handler does (a drain stops at the write buffer's high water mark).
 */
final class DrainOnWritable extends ChannelInboundHandlerAdapter {
    private final DeliveryQueue delivery;

    DrainOnWritable(DeliveryQueue delivery) {
        this.delivery = delivery;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            delivery.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }
}
