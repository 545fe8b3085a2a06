package io.agentbus.client.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;

/**
 * Opens WebSocket connections to one server URI on one event loop (so everything a client
 * does happens on one thread). Pipeline: HTTP codec → handshake aggregator → WebSocket client
 * protocol (handshake, pings) → frame aggregator → {@link ClientFrameHandler}.
 */
public final class Connector {
    private static final int HANDSHAKE_RESPONSE_MAX_BYTES = 65_536;

    private final URI uri;
    private final EventLoop eventLoop;
    private final int maxFrameBytes;
    private final int connectTimeoutMs;

    public Connector(URI uri, EventLoop eventLoop, int maxFrameBytes, int connectTimeoutMs) {
        this.uri = requireServerUri(uri);
        this.eventLoop = eventLoop;
        this.maxFrameBytes = maxFrameBytes;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    /**
     * {@code uri}, after checking it is one this transport can connect to.
     *
     * @throws IllegalArgumentException if it is not {@code ws://} or has no host
     */
    public static URI requireServerUri(URI uri) {
        if (!"ws".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the server URI must start with ws:// (wss:// is not supported yet): " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the server URI has no host: " + uri);
        }
        return uri;
    }

    /** The server URI this connector connects to. */
    public URI uri() {
        return uri;
    }

    /** Starts a connection; {@code handler} hears of its opening, its frames and its end. */
    public ChannelFuture connect(ConnectionHandler handler) {
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return new Bootstrap()
                .group(eventLoop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline(ch.pipeline(), handler);
                    }
                })
                .connect(uri.getHost(), port);
    }

    private void pipeline(ChannelPipeline p, ConnectionHandler handler) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(maxFrameBytes)
                .handshakeTimeoutMillis(connectTimeoutMs)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .build();
        p.addLast(new HttpClientCodec());
        p.addLast(new HttpObjectAggregator(HANDSHAKE_RESPONSE_MAX_BYTES));
        p.addLast(new WebSocketClientProtocolHandler(config));
        p.addLast(new WebSocketFrameAggregator(maxFrameBytes));
        p.addLast(new ClientFrameHandler(handler));
    }
}
