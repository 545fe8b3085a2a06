package io.agentbus.server.transport;

import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.http.BodyLimitAggregator;
import io.agentbus.server.http.HttpApiHandler;
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
 * The pipeline of every connection: HTTP codec and aggregator, idle detection, the WebSocket
 * upgrade at {@code /ws} (with frame size limit, UTF-8 check and reassembly of fragments), the
 * REST handler for everything else, and the session handler for WebSocket frames.
 */
public final class PipelineInitializer extends ChannelInitializer<SocketChannel> {
    /** The WebSocket endpoint; {@code ?token=} may follow. */
    public static final String WEBSOCKET_PATH = "/ws";
    /** How long a client has to answer the server's close frame before the socket is closed anyway. */
    private static final long CLOSE_HANDSHAKE_TIMEOUT_MS = 2000;

    private final ServerConfig config;
    private final SessionContext sessions;
    private final HttpApiHandler httpApi;
    private final WebSocketServerProtocolConfig webSocketConfig;

    public PipelineInitializer(ServerConfig config, SessionContext sessions, HttpApiHandler httpApi) {
        this.config = config;
        this.sessions = sessions;
        this.httpApi = httpApi;
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .checkStartsWith(true)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .forceCloseTimeoutMillis(CLOSE_HANDSHAKE_TIMEOUT_MS)
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
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregator", new BodyLimitAggregator(
                Math.max(config.maxFrameBytes(), config.artifactMaxBytes()) + 1));
        p.addLast("idle", new IdleStateHandler(config.idleTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("websocket", new WebSocketServerProtocolHandler(webSocketConfig));
        p.addLast("websocket-aggregator", new WebSocketFrameAggregator(config.maxWebSocketMessageBytes()));
        p.addLast("http-api", httpApi);
        p.addLast("session", new WebSocketSessionHandler(sessions));
    }
}
