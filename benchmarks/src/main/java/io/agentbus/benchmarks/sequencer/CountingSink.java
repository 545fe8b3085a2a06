package io.agentbus.benchmarks.sequencer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** The far end of one connection: counts and releases the frames it receives, once per read batch. */
final class CountingSink extends ChannelInboundHandlerAdapter {
    private final DeliveryCounter counter;
    private long unreported;

    CountingSink(DeliveryCounter counter) {
        this.counter = counter;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        unreported++;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unreported > 0) {
            counter.add(unreported);
            unreported = 0;
        }
    }
}
