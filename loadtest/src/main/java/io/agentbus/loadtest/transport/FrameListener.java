package io.agentbus.loadtest.transport;

import io.netty.buffer.ByteBuf;

/** What one connection tells its protocol; every method runs on the connection's event loop. */
public interface FrameListener {
    /** The WebSocket handshake completed: the channel is ready for frames. */
    void onOpen(WsChannel channel);

    /** A text or binary frame's bytes, valid only during the call (the frame is released after). */
    void onData(ByteBuf content);

    /** The server sent a close frame with this status code ({@code 1005} if it had none). */
    void onCloseFrame(int statusCode);

    /** The connection is gone, for whatever reason (after {@link #onFailure} if one failed it). */
    void onClosed();

    /** Connecting, the handshake or the connection failed. */
    void onFailure(String reason);
}
