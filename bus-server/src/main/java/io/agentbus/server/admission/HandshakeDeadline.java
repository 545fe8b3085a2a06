package io.agentbus.server.admission;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slowloris guard of one connection: from the moment it opens, and from the first bytes of
 * each later HTTP request, the request (the TLS handshake and the WebSocket upgrade included)
 * must be complete within {@code handshake.timeout.ms}, or the connection is closed. Trickling a
 * request byte by byte does not help: only a complete request stops the clock. Two handlers share
 * the clock: {@link #bytesIn()} before the HTTP codec starts it, {@link #requestsIn()} after the
 * WebSocket handler stops it (also at the end of the upgrade). Between requests
 * of a kept-alive HTTP connection the idle timeout applies instead. Event loop only.
 */
public final class HandshakeDeadline {
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeDeadline.class);

    private final long timeoutMs;
    private final BytesIn bytesIn = new BytesIn();
    private final RequestsIn requestsIn = new RequestsIn();
    private ScheduledFuture<?> timer;

    public HandshakeDeadline(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** Goes before the HTTP codec (after TLS): starts the clock. */
    public ChannelHandler bytesIn() {
        return bytesIn;
    }

    /** Goes after the WebSocket handler: stops the clock at each complete request. */
    public ChannelHandler requestsIn() {
        return requestsIn;
    }

    private void start(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        LOG.debug("closing {}: no complete request within {} ms", ctx.channel(), timeoutMs);
        ctx.close();
    }

    private final class BytesIn extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            start(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            start(ctx);
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            stop();
            super.channelInactive(ctx);
        }
    }

    private final class RequestsIn extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof FullHttpRequest) {
                stop();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof HandshakeComplete) {
                stop();
            }
            super.userEventTriggered(ctx, evt);
        }
    }
}
