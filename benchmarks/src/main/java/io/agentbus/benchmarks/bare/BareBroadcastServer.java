package io.agentbus.benchmarks.bare;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The bare broadcast server (see the package comment). {@link #main} runs it from the command
 * line until SIGTERM; tests and tools use {@link #start} and {@link #close}.
 */
public final class BareBroadcastServer implements AutoCloseable {
    /** Exit status when the server cannot listen. */
    public static final int EXIT_FAILURE = 1;

    private final Broadcast broadcast = new Broadcast();
    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private Channel serverChannel;

    private BareBroadcastServer(int threads) {
        boss = epoll ? new EpollEventLoopGroup(1, new DefaultThreadFactory("bare-accept"))
                : new NioEventLoopGroup(1, new DefaultThreadFactory("bare-accept"));
        workers = epoll ? new EpollEventLoopGroup(threads, new DefaultThreadFactory("bare-io"))
                : new NioEventLoopGroup(threads, new DefaultThreadFactory("bare-io"));
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        BareServerOptions.Parsed parsed = BareServerOptions.parse(args, out, err);
        if (parsed.options() == null) {
            System.exit(parsed.exitStatus());
        }
        System.exit(run(parsed.options(), out, err));
    }

    private static int run(BareServerOptions options, PrintWriter out, PrintWriter err) {
        BareBroadcastServer server;
        try {
            server = start(options);
        } catch (Exception e) {
            err.println(BareServerOptions.NAME + ": cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e);
            return EXIT_FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndHalt(server), "bare-shutdown"));
        err.println(BareServerOptions.NAME + ": transport " + server.transportName());
        out.println("listening on ws://" + options.host() + ":" + server.port() + BareServerInitializer.WEBSOCKET_PATH);
        server.serverChannel.closeFuture().awaitUninterruptibly();
        return 0;
    }

    /** Runs in the shutdown hook; halting ends the process with 0 instead of the signal's 128+n. */
    private static void stopAndHalt(BareBroadcastServer server) {
        server.close();
        Runtime.getRuntime().halt(0);
    }

    /** Binds and starts serving; returns once the port is bound. */
    public static BareBroadcastServer start(BareServerOptions options) throws InterruptedException {
        BareBroadcastServer server = new BareBroadcastServer(options.threads());
        try {
            server.bind(options.host(), options.port());
            return server;
        } catch (InterruptedException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private void bind(String host, int port) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(boss, workers)
                .channel(serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new BareServerInitializer(broadcast))
                .bind(host, port)
                .sync()
                .channel();
    }

    private Class<? extends ServerSocketChannel> serverChannelType() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** {@code epoll} or {@code nio}. */
    public String transportName() {
        return epoll ? "epoll" : "nio";
    }

    /** The bound port (useful after asking for port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Connections whose WebSocket handshake completed and that are still open. */
    public int openConnections() {
        return broadcast.openConnections();
    }

    /** Stops listening, closes every connection and the event loops. Idempotent. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
