package io.agentbus.server.admission;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.http.HttpResponses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * The whole application of a connection over a connection limit: its first request, a WebSocket
 * upgrade or any other, is answered 503 {@code overloaded} with the reason, and the connection
 * is closed. Nothing of the request beyond its head is read.
 */
public final class RefusedConnection extends ChannelInboundHandlerAdapter {
    private final String reason;
    private boolean answered;

    public RefusedConnection(String reason) {
        this.reason = reason;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        if (msg instanceof HttpRequest && !answered) {
            answered = true;
            HttpResponses.error(ctx, false, ErrorCode.OVERLOADED, "connection refused: " + reason
                    + "; try again later");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
