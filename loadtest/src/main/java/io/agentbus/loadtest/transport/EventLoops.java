package io.agentbus.loadtest.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The harness's event loop threads: epoll where the native transport loads, NIO otherwise. */
public final class EventLoops implements AutoCloseable {
    private static final long SHUTDOWN_TIMEOUT_MS = 3000;

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final String transportName;
    private final List<EventLoop> loops = new ArrayList<>();

    private EventLoops(int threads) {
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("loadtest-io", true);
        if (Epoll.isAvailable()) {
            group = new EpollEventLoopGroup(threads, threadFactory);
            channelType = EpollSocketChannel.class;
            transportName = "epoll";
        } else {
            group = new NioEventLoopGroup(threads, threadFactory);
            channelType = NioSocketChannel.class;
            transportName = "nio";
        }
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
    }

    /** {@code threads} event loops (1 or more). */
    public static EventLoops start(int threads) {
        return new EventLoops(threads);
    }

    /** The loops, in a fixed order: connection {@code i} runs on loop {@code i % size}. */
    public List<EventLoop> loops() {
        return loops;
    }

    public EventLoop loopFor(int connection) {
        return loops.get(connection % loops.size());
    }

    Class<? extends SocketChannel> channelType() {
        return channelType;
    }

    /** {@code epoll} or {@code nio}. */
    public String transportName() {
        return transportName;
    }

    /** Closes every channel still open and stops the threads. */
    @Override
    public void close() {
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(2 * SHUTDOWN_TIMEOUT_MS);
    }
}
