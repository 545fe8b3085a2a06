package io.agentbus.benchmarks.bare;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Every open WebSocket connection of the server, grouped by event loop. */
final class Broadcast {
    private final CopyOnWriteArrayList<LoopConnections> loops = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();

    /** A connection whose handshake completed. On the channel's event loop. */
    void join(Channel channel) {
        connectionsOf(channel.eventLoop()).add(channel);
        open.incrementAndGet();
    }

    /** A connection that closed. On the channel's event loop. */
    void leave(Channel channel) {
        connectionsOf(channel.eventLoop()).remove(channel);
        open.decrementAndGet();
    }

    int openConnections() {
        return open.get();
    }

    /**
     * Writes the frames to every open connection: directly to those of the calling event loop,
     * through one task per other event loop. Takes over one reference of each frame; the list
     * must not change afterwards.
     */
    void send(List<ByteBuf> frames) {
        try {
            for (LoopConnections connections : loops) {
                if (connections.loop().inEventLoop()) {
                    connections.writeAndFlush(frames);
                } else {
                    connections.deliverLater(frames);
                }
            }
        } finally {
            for (int f = 0; f < frames.size(); f++) {
                frames.get(f).release();
            }
        }
    }

    private LoopConnections connectionsOf(EventLoop loop) {
        for (LoopConnections connections : loops) {
            if (connections.loop() == loop) {
                return connections;
            }
        }
        return addLoop(loop);
    }

    private synchronized LoopConnections addLoop(EventLoop loop) {
        for (LoopConnections connections : loops) {
            if (connections.loop() == loop) {
                return connections;
            }
        }
        LoopConnections connections = new LoopConnections(loop);
        loops.add(connections);
        return connections;
    }
}
