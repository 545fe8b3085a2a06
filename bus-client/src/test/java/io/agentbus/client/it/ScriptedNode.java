package io.agentbus.client.it;

import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.protocol.codec.FrameWriter;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Ping;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.protocol.frame.Welcome;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for a cluster node, for what no real node produces: a replay after a rejoin that
 * misses an offset ({@link RejoinGapIT}). It welcomes every hello and answers each join with an
 * {@code ok} a test scripts, then sends the scripted replay; it answers {@code history} from a
 * scripted log, and records the joins and history requests. ({@code epoch} and {@code recovered}
 * are tested against real nodes and Redis, in {@link HistoryLostIT}.)
 */
final class ScriptedNode implements AutoCloseable {
    private static final FrameReader READER = new FrameReader();
    private static final FrameWriter WRITER = new FrameWriter();

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<Join> joins = new CopyOnWriteArrayList<>();
    private final List<HistoryRequest> historyRequests = new CopyOnWriteArrayList<>();
    private volatile List<Msg> replay = List.of();
    private volatile List<Msg> log = List.of();
    private final Function<Join, Ok> joinAnswer;
    private final Channel listener;

    /** Listens on a free port of 127.0.0.1; {@code joinAnswer} makes the {@code ok} for each join. */
    ScriptedNode(Function<Join, Ok> joinAnswer) throws InterruptedException {
        this.joinAnswer = joinAnswer;
        this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                                new WebSocketServerProtocolHandler("/ws"), new Frames());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** An {@code ok} for {@code join} at {@code lastOffset} naming {@code epoch} and {@code recovered}. */
    static Ok ok(Join join, long lastOffset, String epoch, Boolean recovered) {
        return new Ok(join.rid(), join.room(), lastOffset, List.of(), null, null, false, epoch, recovered);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort() + "/ws");
    }

    List<Join> joins() {
        return List.copyOf(joins);
    }

    List<HistoryRequest> historyRequests() {
        return List.copyOf(historyRequests);
    }

    /** The messages sent after each join's {@code ok}, as a node's replay. */
    void replay(List<Msg> messages) {
        replay = List.copyOf(messages);
    }

    /** The room's messages that {@code history} answers from, in offset order. */
    void log(List<Msg> messages) {
        log = List.copyOf(messages);
    }

    /** Sends {@code m} to every connected client, as a live message. */
    void send(Msg m) {
        for (Channel c : clients) {
            c.writeAndFlush(new TextWebSocketFrame(WRITER.toJson(m)));
        }
    }

    /** Closes every client connection with {@code code}, as a node going away does (1001, 1012). */
    void closeConnections(int code, String reason) {
        for (Channel c : clients) {
            c.writeAndFlush(new CloseWebSocketFrame(code, reason));
        }
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame text) throws ProtocolException {
            ClientFrame frame = READER.readClient(text.text());
            ServerFrame reply = answer(frame);
            if (reply != null) {
                ctx.write(new TextWebSocketFrame(WRITER.toJson(reply)));
            }
            if (frame instanceof Join) {
                for (Msg m : replay) {
                    ctx.write(new TextWebSocketFrame(WRITER.toJson(m)));
                }
            }
            ctx.flush();
        }

        private ServerFrame answer(ClientFrame frame) {
            if (frame instanceof Hello h) {
                return new Welcome(h.rid(), h.client(), "scripted-1", "scripted", 30_000);
            } else if (frame instanceof Join j) {
                joins.add(j);
                return joinAnswer.apply(j);
            } else if (frame instanceof HistoryRequest h) {
                historyRequests.add(h);
                List<Msg> page = log.stream().filter(m -> m.offset() > h.since()).limit(h.limit()).toList();
                return new HistoryReply(h.rid(), h.room(), page, false);
            } else if (frame instanceof Ping p) {
                return new Pong(p.rid());
            }
            return null;
        }
    }
}
