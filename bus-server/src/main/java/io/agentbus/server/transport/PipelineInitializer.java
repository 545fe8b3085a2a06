package io.agentbus.server.transport;

import io.agentbus.server.admission.ConnectionLimiter;
import io.agentbus.server.admission.HandshakeDeadline;
import io.agentbus.server.admission.OriginCheck;
import io.agentbus.server.admission.RefusedConnection;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.http.BodyLimitAggregator;
import io.agentbus.server.http.HttpApiHandler;
import io.agentbus.server.ratelimit.ConnectionRates;
import io.agentbus.server.ratelimit.RateLimiter;
import io.agentbus.server.session.Session;
import io.agentbus.server.session.SessionContext;
import io.agentbus.server.session.WebSocketSessionHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of every connection: TLS when configured, the handshake deadline, HTTP codec and
 * aggregator, idle detection (an event after each half of {@code idle.timeout.ms} without a read:
 * the session pings at the first and closes at the second), the origin check, the WebSocket upgrade at {@code /ws} (with frame
 * size limit, UTF-8 check and reassembly of fragments), the REST handler for everything else, and
 * the session handler for WebSocket frames. A connection over its IP address's rate of new
 * connections or over a connection limit gets only what it takes to answer its first request with
 * 429 or 503. The deadline and the origin check leave with
 * the upgrade: a WebSocket frame passes only the codec, the aggregator, idle detection and the
 * session.
 */
public final class PipelineInitializer extends ChannelInitializer<SocketChannel> {
    /** The WebSocket endpoint; {@code ?token=} may follow. */
    public static final String WEBSOCKET_PATH = "/ws";
    /** The name of the TLS handler. */
    static final String TLS = "tls";
    private static final String DEADLINE_BYTES = "deadline-bytes";
    private static final String DEADLINE_REQUESTS = "deadline-requests";
    private static final String ORIGIN = "origin";

    private final ServerConfig config;
    private final SessionContext sessions;
    private final HttpApiHandler httpApi;
    private final WebSocketServerProtocolConfig webSocketConfig;
    private final Tls tls;
    private final ConnectionLimiter limiter;
    private final RateLimiter rates;
    private final OriginCheck originCheck;
    private final AfterUpgrade afterUpgrade = new AfterUpgrade(ORIGIN, DEADLINE_BYTES, DEADLINE_REQUESTS);

    /** {@code tls} is {@code null} for plain {@code ws://} and {@code http://}. */
    public PipelineInitializer(ServerConfig config, SessionContext sessions, HttpApiHandler httpApi, Tls tls,
                               ConnectionLimiter limiter, RateLimiter rates) {
        this.config = config;
        this.sessions = sessions;
        this.httpApi = httpApi;
        this.tls = tls;
        this.limiter = limiter;
        this.rates = rates;
        this.originCheck = new OriginCheck(config.wsAllowedOrigins(), tls != null);
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .checkStartsWith(true)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .forceCloseTimeoutMillis(Session.CLOSE_HANDSHAKE_TIMEOUT_MS)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxWebSocketMessageBytes())
                        .allowExtensions(false)
                        .withUTF8Validator(true)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        if (tls != null) {
            p.addLast(TLS, new TlsOnlyDetector(tls));
        }
        HandshakeDeadline deadline = new HandshakeDeadline(config.handshakeTimeoutMs());
        p.addLast(DEADLINE_BYTES, deadline.bytesIn());
        p.addLast("http", new HttpServerCodec());
        ConnectionRates connectionRates = rates.open(ch);
        long retryAfterMs = connectionRates.connectionWaitMs();
        if (retryAfterMs > 0) {
            p.addLast("refused", RefusedConnection.rateLimited(connectionRates.lastRefusal(), retryAfterMs));
            return;
        }
        String refused = limiter.admit(ch);
        if (refused != null) {
            p.addLast("refused", new RefusedConnection(refused));
            return;
        }
        p.addLast("http-aggregator", new BodyLimitAggregator(
                Math.max(config.maxFrameBytes(), config.artifactMaxBytes()) + 1));
        p.addLast("idle", new IdleStateHandler(config.idleTimeoutMs() * 1_000_000L / 2, 0, 0, TimeUnit.NANOSECONDS));
        p.addLast(ORIGIN, originCheck);
        p.addLast("websocket", new WebSocketServerProtocolHandler(webSocketConfig));
        p.addLast(DEADLINE_REQUESTS, deadline.requestsIn());
        p.addLast("after-upgrade", afterUpgrade);
        p.addLast("websocket-aggregator", new WebSocketFrameAggregator(config.maxWebSocketMessageBytes()));
        p.addLast("http-api", httpApi);
        p.addLast("session", new WebSocketSessionHandler(sessions));
    }
}
