package io.agentbus.client.transport;

import io.agentbus.protocol.codec.FrameWriter;
import io.agentbus.protocol.frame.ClientFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One WebSocket connection to the server: encodes client frames into text frames. Writes are
 * buffered until {@link #flush()}, so a burst of requests goes out in one syscall. Use on the
 * connection's event loop.
 */
public final class WebSocketConnection {
    private static final FrameWriter WRITER = new FrameWriter();

    private final Channel channel;
    private volatile long lastReadNanos = System.nanoTime();

    WebSocketConnection(Channel channel) {
        this.channel = channel;
    }

    /** Encodes {@code frame} and queues it for writing. */
    public void write(ClientFrame frame) {
        ByteBuf buf = channel.alloc().buffer(256);
        try {
            WRITER.write(frame, new ByteBufOutputStream(buf));
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        channel.write(new TextWebSocketFrame(buf), channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    /** Sends a normal close (1000) and closes the socket once it is written. */
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** Closes the socket at once, e.g. when the server stopped answering. */
    public void abort() {
        channel.close();
    }

    /** {@link System#nanoTime()} when the last frame arrived from the server. */
    public long lastReadNanos() {
        return lastReadNanos;
    }

    void markRead() {
        lastReadNanos = System.nanoTime();
    }

    @Override
    public String toString() {
        return "connection " + channel.localAddress() + " -> " + channel.remoteAddress();
    }
}
