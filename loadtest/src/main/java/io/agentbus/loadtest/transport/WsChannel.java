package io.agentbus.loadtest.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * An open WebSocket connection as the protocols use it: text frames written with a void promise
 * (a failed write surfaces as {@link FrameListener#onFailure}), flushed when the caller says.
 */
public final class WsChannel {
    private final Channel channel;

    WsChannel(Channel channel) {
        this.channel = channel;
    }

    /** Queues a text frame holding {@code text} (whose reference this takes) without flushing. */
    public void write(ByteBuf text) {
        channel.write(new TextWebSocketFrame(text), channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    /** A WebSocket ping, flushed: keeps the server's idle timer from closing a silent receiver. */
    public void ping() {
        channel.writeAndFlush(new PingWebSocketFrame(), channel.voidPromise());
    }

    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    public boolean isActive() {
        return channel.isActive();
    }

    /** Sends a close frame with status 1000, then closes when the server answers (or after a timeout). */
    public ChannelFuture close() {
        return channel.close();
    }
}
