package io.agentbus.server.transport;

import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.TransportKind;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The socket transport: native epoll where it loads (Linux), NIO otherwise or when asked. */
public record Transport(String name, EventLoopGroup boss, EventLoopGroup workers,
                        Class<? extends ServerSocketChannel> channelType) {

    /** Makes the event loop groups for the configured transport. */
    public static Transport create(TransportKind kind, int ioThreads) {
        boolean epoll = switch (kind) {
            case NIO -> false;
            case EPOLL -> requireEpoll();
            case AUTO -> Epoll.isAvailable();
        };
        if (epoll) {
            return new Transport("epoll", new EpollEventLoopGroup(1, new DefaultThreadFactory("agentbus-accept")),
                    new EpollEventLoopGroup(ioThreads, new DefaultThreadFactory("agentbus-io")),
                    EpollServerSocketChannel.class);
        }
        return new Transport("nio", new NioEventLoopGroup(1, new DefaultThreadFactory("agentbus-accept")),
                new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("agentbus-io")),
                NioServerSocketChannel.class);
    }

    private static boolean requireEpoll() {
        if (!Epoll.isAvailable()) {
            throw new ConfigException("transport=epoll but native epoll does not load here: "
                    + Epoll.unavailabilityCause());
        }
        return true;
    }
}
