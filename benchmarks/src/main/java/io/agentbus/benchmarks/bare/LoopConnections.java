package io.agentbus.benchmarks.bare;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The open WebSocket connections of one event loop. Only that loop touches the list and the
 * channels: connections join and leave on it, and batches from other loops run on it as tasks.
 */
final class LoopConnections {
    private final EventLoop loop;
    private final List<Channel> channels = new ArrayList<>();

    LoopConnections(EventLoop loop) {
        this.loop = loop;
    }

    EventLoop loop() {
        return loop;
    }

    /** On {@link #loop()}. */
    void add(Channel channel) {
        channels.add(channel);
    }

    /** On {@link #loop()}. */
    void remove(Channel channel) {
        channels.remove(channel);
    }

    /**
     * Writes every frame to every connection of this loop and flushes each connection once. The
     * caller keeps its references to the frames. On {@link #loop()}.
     */
    void writeAndFlush(List<ByteBuf> frames) {
        for (int c = 0; c < channels.size(); c++) {
            Channel channel = channels.get(c);
            for (int f = 0; f < frames.size(); f++) {
                channel.write(new TextWebSocketFrame(frames.get(f).retainedDuplicate()), channel.voidPromise());
            }
            channel.flush();
        }
    }

    /**
     * Hands a batch to this loop; holds one more reference of each frame until it has been written
     * (or the loop, shutting down, refused it).
     */
    void deliverLater(List<ByteBuf> frames) {
        retain(frames);
        try {
            loop.execute(new Delivery(frames));
        } catch (RejectedExecutionException e) {
            release(frames);
        }
    }

    private static void retain(List<ByteBuf> frames) {
        for (int f = 0; f < frames.size(); f++) {
            frames.get(f).retain();
        }
    }

    private static void release(List<ByteBuf> frames) {
        for (int f = 0; f < frames.size(); f++) {
            frames.get(f).release();
        }
    }

    /** A batch written on this loop, then released. */
    private final class Delivery implements Runnable {
        private final List<ByteBuf> frames;

        Delivery(List<ByteBuf> frames) {
            this.frames = frames;
        }

        @Override
        public void run() {
            try {
                writeAndFlush(frames);
            } finally {
                release(frames);
            }
        }
    }
}
