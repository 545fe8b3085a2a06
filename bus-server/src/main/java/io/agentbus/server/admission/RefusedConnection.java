package io.agentbus.server.admission;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.http.HttpResponses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * The whole application of a connection over a connection limit: its first request, a WebSocket
 * upgrade or any other, is answered 503 {@code overloaded} with the reason (or, over the rate of
 * new connections, 429 {@code rate_limited} with {@code retry_after_ms}), and the connection is
 * closed. Nothing of the request beyond its head is read.
 */
public final class RefusedConnection extends ChannelInboundHandlerAdapter {
    private static final long NOT_RATE_LIMITED = 0;

    private final String reason;
    private final long retryAfterMs;
    private boolean answered;

    public RefusedConnection(String reason) {
        this(reason, NOT_RATE_LIMITED);
    }

    private RefusedConnection(String reason, long retryAfterMs) {
        this.reason = reason;
        this.retryAfterMs = retryAfterMs;
    }

    /** A connection over the rate of new connections of its IP address. */
    public static RefusedConnection rateLimited(String reason, long retryAfterMs) {
        return new RefusedConnection(reason, retryAfterMs);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        if (msg instanceof HttpRequest && !answered) {
            answered = true;
            if (retryAfterMs == NOT_RATE_LIMITED) {
                HttpResponses.error(ctx, false, ErrorCode.OVERLOADED, "connection refused: " + reason
                        + "; try again later");
            } else {
                HttpResponses.rateLimited(ctx, "connection refused: " + reason + "; retry after " + retryAfterMs
                        + " ms", retryAfterMs);
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
