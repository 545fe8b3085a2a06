package io.agentbus.server.http;

import io.agentbus.protocol.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates HTTP requests up to a body limit. A request over it gets 413 with the REST API's
 * JSON error ({@code too_large}) instead of Netty's empty body; the connection is kept when the
 * rest of the body can be skipped, as Netty does.
 */
public final class BodyLimitAggregator extends HttpObjectAggregator {
    public BodyLimitAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean keepAlive = !(oversized instanceof FullHttpMessage)
                && (HttpUtil.is100ContinueExpected(oversized) || HttpUtil.isKeepAlive(oversized));
        HttpResponses.error(ctx, keepAlive, ErrorCode.TOO_LARGE, "request body of more than "
                + maxContentLength() + " bytes is too large");
    }
}
