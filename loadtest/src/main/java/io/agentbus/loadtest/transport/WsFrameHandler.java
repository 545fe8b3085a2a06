package io.agentbus.loadtest.transport;

import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;

/** The last handler: hands handshake completion, data frames, close frames and failures to the listener. */
final class WsFrameHandler extends ChannelInboundHandlerAdapter {
    private final FrameListener listener;

    WsFrameHandler(FrameListener listener) {
        this.listener = listener;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            listener.onOpen(new WsChannel(ctx.channel()));
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            listener.onFailure("WebSocket handshake timed out");
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
                listener.onData(((ByteBufHolder) msg).content());
            } else if (msg instanceof CloseWebSocketFrame close) {
                listener.onCloseFrame(close.statusCode() < 0 ? 1005 : close.statusCode());
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.onClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        listener.onFailure(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        ctx.close();
    }
}
