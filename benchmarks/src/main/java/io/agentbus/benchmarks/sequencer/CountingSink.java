package io.agentbus.benchmarks.sequencer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * The far end of one connection: tells the frames it receives apart by their leading bytes, counts
 * {@code msg} frames as deliveries and {@code ok} frames as acknowledgements (once per read batch),
 * and fails both counters with the frame's text on an {@code error}; other frames are ignored.
 */
final class CountingSink extends ChannelInboundHandlerAdapter {
    private static final byte[] MSG = ascii("{\"op\":\"msg\"");
    private static final byte[] OK = ascii("{\"op\":\"ok\"");
    private static final byte[] ERROR = ascii("{\"op\":\"error\"");

    private final DeliveryCounter deliveries;
    private final DeliveryCounter acks;
    private long unreportedDeliveries;
    private long unreportedAcks;

    CountingSink(DeliveryCounter deliveries, DeliveryCounter acks) {
        this.deliveries = deliveries;
        this.acks = acks;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBufHolder frame) {
                count(frame.content());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void count(ByteBuf content) {
        if (startsWith(content, MSG)) {
            unreportedDeliveries++;
        } else if (startsWith(content, OK)) {
            unreportedAcks++;
        } else if (startsWith(content, ERROR)) {
            String error = "the server answered with an error: " + content.toString(StandardCharsets.UTF_8);
            deliveries.fail(error);
            acks.fail(error);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unreportedDeliveries > 0) {
            deliveries.add(unreportedDeliveries);
            unreportedDeliveries = 0;
        }
        if (unreportedAcks > 0) {
            acks.add(unreportedAcks);
            unreportedAcks = 0;
        }
    }

    private static boolean startsWith(ByteBuf content, byte[] prefix) {
        if (content.readableBytes() < prefix.length) {
            return false;
        }
        int from = content.readerIndex();
        for (int i = 0; i < prefix.length; i++) {
            if (content.getByte(from + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
