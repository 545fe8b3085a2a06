package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.payload.PayloadScanner;
import io.agentbus.loadtest.payload.PayloadWriter;
import io.agentbus.loadtest.payload.Stamp;
import io.agentbus.loadtest.transport.WsChannel;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;

/** What every session shares: the channel once open, the events, and finding the stamp in a delivery. */
abstract class BaseSession implements TargetSession {
    protected final SessionEvents events;
    protected final PayloadWriter payload;
    private final PayloadScanner scanner = new PayloadScanner();
    private final Stamp stamp = new Stamp();
    protected volatile WsChannel channel;

    BaseSession(SessionEvents events, PayloadWriter payload) {
        this.events = events;
        this.payload = payload;
    }

    @Override
    public void onOpen(WsChannel channel) {
        this.channel = channel;
        opened(channel);
    }

    /** The WebSocket handshake completed. */
    abstract void opened(WsChannel channel);

    /** Reports the measured message in {@code buf[from, to)}, carried by {@code wireBytes} bytes, or a malformed one. */
    final void deliver(ByteBuf buf, int from, int to, int wireBytes) {
        if (scanner.scan(buf, from, to, stamp)) {
            events.onDelivery(stamp, wireBytes);
        } else {
            events.onError(Count.MALFORMED);
        }
    }

    @Override
    public void onCloseFrame(int statusCode) {
        events.onFailure("the server closed the connection with status " + statusCode);
    }

    @Override
    public void onClosed() {
        events.onClosed();
    }

    @Override
    public void onFailure(String reason) {
        events.onFailure(reason);
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public ChannelFuture close() {
        WsChannel open = channel;
        return open == null ? null : open.close();
    }
}
