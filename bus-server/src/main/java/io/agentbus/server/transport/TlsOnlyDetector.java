package io.agentbus.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The first handler of a TLS port: when the first bytes are a TLS record it puts the
 * {@link SslHandler} in its place; when they are plain text (an {@code http://} or {@code ws://}
 * client) it answers 400 in plain HTTP, naming the scheme to use, and closes.
 */
final class TlsOnlyDetector extends ByteToMessageDecoder {
    /** Enough bytes to tell a TLS record header (5 bytes) from anything else. */
    private static final int RECORD_HEADER_BYTES = 5;
    private static final byte[] PLAIN_TEXT_ANSWER = plainTextAnswer();

    private final Tls tls;

    TlsOnlyDetector(Tls tls) {
        this.tls = tls;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < RECORD_HEADER_BYTES) {
            return;
        }
        if (SslHandler.isEncrypted(in, false)) {
            ctx.pipeline().replace(this, PipelineInitializer.TLS, tls.newHandler(ctx.alloc()));
        } else {
            in.skipBytes(in.readableBytes());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(PLAIN_TEXT_ANSWER)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static byte[] plainTextAnswer() {
        String body = "{\"code\":\"bad_request\",\"message\":\"this port speaks TLS only: use https:// or wss://\"}";
        return ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }
}
