package io.agentbus.loadtest.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

/**
 * Opens WebSocket connections to one endpoint, each pinned to the event loop the caller picks.
 * Close frames are handled by the harness (so it can tell a server's close from its own); a
 * channel closed by the harness sends close 1000 first. Text frames are not checked for valid
 * UTF-8: the harness scans their bytes for ASCII markers only, and the check would cost the
 * harness's CPU on every received byte.
 */
public final class WsConnector {
    /** The largest frame accepted, and the most a fragmented message may reassemble to. */
    public static final int MAX_FRAME_BYTES = 1 << 20;
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;
    private static final long HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final long CLOSE_TIMEOUT_MS = 1_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final EventLoops loops;
    private final WsEndpoint endpoint;
    private final WebSocketClientProtocolConfig protocol;

    public WsConnector(EventLoops loops, WsEndpoint endpoint) {
        this.loops = loops;
        this.endpoint = endpoint;
        this.protocol = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(endpoint.uri())
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .withUTF8Validator(false)
                .handleCloseFrames(false)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MS)
                .sendCloseFrame(WebSocketCloseStatus.NORMAL_CLOSURE)
                .forceCloseTimeoutMillis(CLOSE_TIMEOUT_MS)
                .build();
    }

    /** Connects connection number {@code connection} (on loop {@code connection % threads}). */
    public ChannelFuture connect(int connection, FrameListener listener) {
        return new Bootstrap()
                .group(loops.loopFor(connection))
                .channel(loops.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new HttpClientCodec());
                        p.addLast(new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES));
                        p.addLast(new WebSocketClientProtocolHandler(protocol));
                        p.addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES));
                        p.addLast(new WsFrameHandler(listener));
                    }
                })
                .connect(endpoint.host(), endpoint.port());
    }
}
