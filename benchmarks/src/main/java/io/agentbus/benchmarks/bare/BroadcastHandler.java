package io.agentbus.benchmarks.bare;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection: joins the broadcast when its WebSocket handshake completes, collects the text
 * messages of each read batch and sends them to everyone when the batch ends. Binary messages are
 * dropped; an HTTP request for any other path gets 404.
 */
final class BroadcastHandler extends ChannelInboundHandlerAdapter {
    private final Broadcast broadcast;
    private List<ByteBuf> batch = new ArrayList<>();
    private boolean joined;

    BroadcastHandler(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof HandshakeComplete) {
            broadcast.join(ctx.channel());
            joined = true;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame frame) {
                batch.add(frame.content().retain());
            } else if (msg instanceof HttpRequest) {
                notFound(ctx);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!batch.isEmpty()) {
            List<ByteBuf> frames = batch;
            batch = new ArrayList<>();
            broadcast.send(frames);
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (joined) {
            joined = false;
            broadcast.leave(ctx.channel());
        }
        for (int f = 0; f < batch.size(); f++) {
            batch.get(f).release();
        }
        batch.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static void notFound(ChannelHandlerContext ctx) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
        HttpUtil.setContentLength(response, 0);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
