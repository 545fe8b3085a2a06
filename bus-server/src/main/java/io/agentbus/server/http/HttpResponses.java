package io.agentbus.server.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.metrics.BusMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTTP responses; JSON errors have the shape {@code {"code":…,"message":…}} and are counted
 * in the metrics the channel carries under {@link #ERROR_COUNTS} (the {@link HttpApiHandler} puts
 * them there), whichever handler answers.
 */
public final class HttpResponses {
    static final AttributeKey<BusMetrics> ERROR_COUNTS = AttributeKey.valueOf("agentbus.error-counts");

    private HttpResponses() {
    }

    static void json(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String json) {
        json(ctx, keepAlive, status, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
    }

    static void json(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, ByteBuf body) {
        send(ctx, keepAlive, status, "application/json", body);
    }

    /** A JSON error with the code's HTTP status; without keep-alive the connection closes once it is written. */
    public static void error(ChannelHandlerContext ctx, boolean keepAlive, ErrorCode code, String message) {
        count(ctx, code);
        String json = "{\"code\":\"" + code.wireName() + "\",\"message\":" + quote(message) + "}";
        json(ctx, keepAlive, HttpResponseStatus.valueOf(code.httpStatus()), json);
    }

    /**
     * 429 {@code rate_limited} with {@code retry_after_ms} in the JSON and {@code Retry-After} (whole
     * seconds, rounded up) in the head; the connection closes once it is written.
     */
    public static void rateLimited(ChannelHandlerContext ctx, String message, long retryAfterMs) {
        rateLimited(ctx, false, message, retryAfterMs);
    }

    /** The same for a REST request; without keep-alive the connection closes once it is written. */
    static void rateLimited(ChannelHandlerContext ctx, boolean keepAlive, String message, long retryAfterMs) {
        count(ctx, ErrorCode.RATE_LIMITED);
        String json = "{\"code\":\"" + ErrorCode.RATE_LIMITED.wireName() + "\",\"message\":" + quote(message)
                + ",\"retry_after_ms\":" + retryAfterMs + "}";
        FullHttpResponse response = response(HttpResponseStatus.TOO_MANY_REQUESTS, "application/json",
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        response.headers().setInt(HttpHeaderNames.RETRY_AFTER, (int) ((retryAfterMs + 999) / 1000));
        send(ctx, keepAlive, response);
    }

    private static void count(ChannelHandlerContext ctx, ErrorCode code) {
        BusMetrics counts = ctx.channel().attr(ERROR_COUNTS).get();
        if (counts != null) {
            counts.error(code);
        }
    }

    static void send(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String contentType,
                     ByteBuf body) {
        send(ctx, keepAlive, response(status, contentType, body));
    }

    private static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ChannelFuture f = ctx.writeAndFlush(response);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse response(HttpResponseStatus status, String contentType, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    /** A JSON string literal of {@code text}. */
    static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
