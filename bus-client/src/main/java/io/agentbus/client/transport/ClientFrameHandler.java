package io.agentbus.client.transport;

import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.protocol.frame.ServerFrame;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes the server's text frames and reports the connection's life to a {@link ConnectionHandler}. */
final class ClientFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(ClientFrameHandler.class);
    private static final FrameReader READER = new FrameReader();

    private final ConnectionHandler handler;
    private WebSocketConnection connection;
    private String closeReason;

    ClientFrameHandler(ConnectionHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        connection = new WebSocketConnection(ctx.channel());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            handler.opened(connection);
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            closeReason = "WebSocket handshake timed out";
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        connection.markRead();
        if (frame instanceof TextWebSocketFrame text) {
            decode(text);
        } else if (frame instanceof CloseWebSocketFrame close) {
            closeReason = "closed by server: " + close.statusCode() + " " + close.reasonText();
            ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(f -> ctx.close());
        }
    }

    private void decode(TextWebSocketFrame text) {
        ServerFrame frame;
        try {
            frame = READER.readServer(new ByteBufInputStream(text.content()));
        } catch (ProtocolException e) {
            LOG.warn("ignoring a frame from the server that does not decode: {}", e.getMessage());
            return;
        }
        handler.received(connection, frame);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        handler.closed(connection, closeReason != null ? closeReason : "connection lost");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closeReason == null) {
            closeReason = cause.toString();
        }
        ctx.close();
    }
}
