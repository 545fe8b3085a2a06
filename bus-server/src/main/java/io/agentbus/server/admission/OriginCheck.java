package io.agentbus.server.admission;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.config.AllowedOrigins;
import io.agentbus.server.http.HttpResponses;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.ReferenceCountUtil;

/**
 * Browsers name the page that makes a request in its {@code Origin} header; other clients send
 * none. A request without one passes; one from the daemon's own origin (the scheme of this port
 * and the request's {@code Host}) passes, so the dashboard at {@code /} works; one from an origin
 * {@code ws.allowed.origins} lists passes. Any other (including {@code Origin: null}) is answered
 * 403 {@code forbidden} and the connection closed, so a web page elsewhere can neither open the
 * WebSocket nor post to the REST API. It leaves the pipeline with the WebSocket upgrade.
 */
@ChannelHandler.Sharable
public final class OriginCheck extends ChannelInboundHandlerAdapter {
    private final AllowedOrigins allowed;
    private final String scheme;

    public OriginCheck(AllowedOrigins allowed, boolean tls) {
        this.allowed = allowed;
        this.scheme = tls ? "https://" : "http://";
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof FullHttpRequest request)) {
            super.channelRead(ctx, msg);
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !allows(origin, request.headers())) {
            ReferenceCountUtil.release(request);
            HttpResponses.error(ctx, false, ErrorCode.FORBIDDEN, "Origin '" + origin + "' may not use this daemon:"
                    + " only pages from its own origin and from ws.allowed.origins may");
            return;
        }
        super.channelRead(ctx, msg);
    }

    private boolean allows(String origin, HttpHeaders headers) {
        String normalized = AllowedOrigins.normalize(origin);
        if (normalized == null) {
            return allowed.allowsAny();
        }
        String host = headers.get(HttpHeaderNames.HOST);
        return normalized.equals(host == null ? null : AllowedOrigins.normalize(scheme + host))
                || allowed.allows(normalized);
    }
}
