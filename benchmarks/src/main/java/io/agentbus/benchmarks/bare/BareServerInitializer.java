package io.agentbus.benchmarks.bare;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** The pipeline of a connection: the daemon's WebSocket handling, then the broadcast. */
final class BareServerInitializer extends ChannelInitializer<SocketChannel> {
    static final String WEBSOCKET_PATH = "/ws";
    /** The daemon's default max.frame.bytes. */
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;

    private final Broadcast broadcast;
    private final WebSocketServerProtocolConfig webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(WEBSOCKET_PATH)
            .checkStartsWith(true)
            .handleCloseFrames(true)
            .dropPongFrames(true)
            .decoderConfig(WebSocketDecoderConfig.newBuilder()
                    .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                    .allowExtensions(false)
                    .withUTF8Validator(true)
                    .build())
            .build();

    BareServerInitializer(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        p.addLast("websocket", new WebSocketServerProtocolHandler(webSocketConfig));
        p.addLast("websocket-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
        p.addLast("broadcast", new BroadcastHandler(broadcast));
    }
}
