package io.agentbus.server.session;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.Ping;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.server.auth.Grants;
import io.agentbus.server.auth.TokenRejectedException;
import io.agentbus.server.delivery.DeliveryQueue;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.ratelimit.ConnectionRates;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Sequencer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop end of one WebSocket session: decode each text frame, check it, answer what
 * needs no state (ping, errors) right here, and hand the rest to the sequencer. Nothing that
 * fails here travels further, and a bad frame costs its sender an error reply, nothing more.
 */
public final class WebSocketSessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    /** Close code for a connection that did not say hello in time. */
    public static final int CLOSE_UNAUTHENTICATED = 4001;
    /** Close code for a message too large to read. */
    public static final int CLOSE_TOO_LARGE = 1009;
    /** Close code for a connection that kept sending after too many {@code rate_limited} answers. */
    public static final int CLOSE_RATE_LIMITED = 4029;
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSessionHandler.class);

    private final SessionContext context;
    private final FrameReader reader;
    private final FrameEncoder encoder;
    private final RequestDispatcher dispatcher;
    private byte[] scratch = new byte[4096];
    private Session session;
    private ConnectionRates rates;
    private ScheduledFuture<?> helloTimeout;
    /** A token sent with the upgrade request (header or {@code ?token=}), for a hello without one. */
    private String upgradeToken;

    public WebSocketSessionHandler(SessionContext context) {
        this.context = context;
        this.reader = context.reader();
        this.encoder = context.encoder();
        this.dispatcher = new RequestDispatcher(context.sequencer(), context.artifacts());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HandshakeComplete handshake) {
            upgradeToken = UpgradeToken.of(handshake);
            opened(ctx);
        } else if (evt instanceof IdleStateEvent idle) {
            onIdle(ctx, idle);
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    private void opened(ChannelHandlerContext ctx) {
        Sequencer sequencer = context.sequencer();
        DeliveryQueue delivery = new DeliveryQueue(ctx.channel(), context.config().deliveryQueueCapacity(),
                context.config().deliveryQueueBytes(), encoder,
                (client, offset) -> sequencer.submitInternal(new Command.InboxWritten(client, offset)),
                sequencer.drainBatch(), context.metrics());
        session = new Session(context.nextSessionId(), ctx.channel(), delivery, encoder, context.metrics());
        rates = ctx.channel().attr(ConnectionRates.KEY).get();
        context.metrics().connectionOpened();
        ctx.channel().attr(Session.KEY).set(session);
        context.channels().add(ctx.channel());
        helloTimeout = ctx.executor().schedule(this::closeUnauthenticated, context.config().idleTimeoutMs(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (session == null) {
            return;
        }
        if (frame instanceof TextWebSocketFrame) {
            onText(frame.content());
        } else if (frame instanceof BinaryWebSocketFrame) {
            long retryAfterMs = rates.admit(frame.content().readableBytes());
            if (retryAfterMs > 0) {
                refuseRate(null, retryAfterMs);
            } else {
                replyError(null, ErrorCode.BAD_REQUEST, "binary frames are not accepted: send one JSON object per"
                        + " text frame");
            }
        }
    }

    private void onText(ByteBuf content) {
        int length = content.readableBytes();
        context.metrics().bytesReceived(length);
        long retryAfterMs = rates.admit(length);
        ClientFrame frame;
        try {
            frame = reader.readClient(copy(content, length), 0, length);
        } catch (ProtocolException e) {
            if (retryAfterMs > 0) {
                refuseRate(e.rid(), retryAfterMs);
            } else {
                replyError(e.rid(), e.code(), e.getMessage());
            }
            return;
        }
        if (retryAfterMs > 0) {
            refuseRate(frame.rid(), retryAfterMs);
            return;
        }
        if (length > context.config().maxFrameBytes() && !(frame instanceof ArtifactUpload)) {
            replyError(frame.rid(), ErrorCode.TOO_LARGE, "frame of " + length + " bytes is over the limit of "
                    + context.config().maxFrameBytes() + " bytes");
            return;
        }
        onFrame(frame);
    }

    private void onFrame(ClientFrame frame) {
        if (frame instanceof Ping ping) {
            session.channel().writeAndFlush(new TextWebSocketFrame(encoder.encode(new Pong(ping.rid()))));
        } else if (frame instanceof Hello hello) {
            onHello(hello);
        } else if (session.clientId() == null) {
            replyError(frame.rid(), ErrorCode.UNAUTHENTICATED, "say hello first: op '" + frame.op()
                    + "' before hello");
        } else {
            ErrorFrame refused = dispatcher.dispatch(session, frame);
            if (refused != null) {
                reply(refused);
            }
        }
    }

    private void onHello(Hello hello) {
        if (session.clientId() != null) {
            replyError(hello.rid(), ErrorCode.BAD_REQUEST, "already said hello as '" + session.clientId() + "'");
            return;
        }
        Grants grants;
        try {
            grants = context.auth().hello(hello.token() != null ? hello.token() : upgradeToken, hello.client());
        } catch (TokenRejectedException e) {
            replyError(hello.rid(), ErrorCode.UNAUTHENTICATED, e.getMessage());
            return;
        }
        session.grants(grants);
        session.clientId(hello.client());
        if (!context.sequencer().submit(new Command.SayHello(session, hello))) {
            session.clientId(null);
            replyError(hello.rid(), ErrorCode.OVERLOADED, "the server is overloaded; say hello again shortly");
            return;
        }
        rates.client(hello.client());
        helloTimeout.cancel(false);
    }

    /** Answers {@code rate_limited}, or closes with 4029 a connection refused too often already. */
    private void refuseRate(String rid, long retryAfterMs) {
        if (rates.refusedTooOften()) {
            session.close(CLOSE_RATE_LIMITED, "rate limited: kept sending after rate_limited");
            return;
        }
        reply(new ErrorFrame(rid, ErrorCode.RATE_LIMITED, rates.lastRefusal() + "; retry after " + retryAfterMs
                + " ms", retryAfterMs));
    }

    private byte[] copy(ByteBuf content, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        content.getBytes(content.readerIndex(), scratch, 0, length);
        return scratch;
    }

    private void replyError(String rid, ErrorCode code, String message) {
        reply(new ErrorFrame(rid, code, message));
    }

    private void reply(ErrorFrame error) {
        context.metrics().error(error.code());
        session.channel().writeAndFlush(new TextWebSocketFrame(encoder.encode(error)));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (session != null && ctx.channel().isWritable()) {
            session.delivery().drain();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            if (helloTimeout != null) {
                helloTimeout.cancel(false);
            }
            context.sequencer().submitInternal(new Command.Disconnect(session));
            session.delivery().drain();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing {} after {}", session, cause.toString());
        if (session != null && cause instanceof TooLongFrameException) {
            session.close(CLOSE_TOO_LARGE, "message over " + context.config().maxWebSocketMessageBytes() + " bytes");
        } else {
            ctx.close();
        }
    }

    /**
     * Nothing read for half the idle timeout: a WebSocket gets a ping, whose pong (every WebSocket
     * library answers one by itself) is traffic, so a live peer stays and a half-open connection
     * is found. Nothing read for the whole idle timeout: closed.
     */
    private void onIdle(ChannelHandlerContext ctx, IdleStateEvent idle) {
        if (!idle.isFirst()) {
            closeIdle(ctx);
        } else if (session != null) {
            ctx.writeAndFlush(new PingWebSocketFrame());
        }
    }

    private void closeIdle(ChannelHandlerContext ctx) {
        if (session == null) {
            ctx.close();
        } else if (session.clientId() == null) {
            closeUnauthenticated();
        } else {
            session.close(1000, "idle timeout");
        }
    }

    private void closeUnauthenticated() {
        if (session.clientId() == null) {
            session.close(CLOSE_UNAUTHENTICATED, "unauthenticated for too long");
        }
    }
}
