package io.agentbus.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/** Takes the handlers that only guard the HTTP phase out of the pipeline once the WebSocket is open. */
@ChannelHandler.Sharable
final class AfterUpgrade extends ChannelInboundHandlerAdapter {
    private final String[] httpOnly;

    AfterUpgrade(String... httpOnly) {
        this.httpOnly = httpOnly;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HandshakeComplete) {
            ChannelPipeline p = ctx.pipeline();
            for (String name : httpOnly) {
                p.remove(name);
            }
            p.remove(this);
        }
        super.userEventTriggered(ctx, evt);
    }
}
