package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.payload.PayloadWriter;
import io.agentbus.loadtest.transport.WsChannel;
import io.netty.buffer.ByteBuf;

/**
 * One connection to the bare Netty broadcast server: ready once the WebSocket handshake is done;
 * each frame it sends or receives is just the payload.
 */
final class BroadcastSession extends BaseSession {

    BroadcastSession(SessionEvents events, PayloadWriter payload) {
        super(events, payload);
    }

    @Override
    void opened(WsChannel channel) {
        events.onReady();
    }

    @Override
    public void onData(ByteBuf content) {
        deliver(content, content.readerIndex(), content.writerIndex(), content.readableBytes());
    }

    @Override
    public void publish(long intendedNanos, int publisher, long sequence) {
        WsChannel open = channel;
        ByteBuf frame = open.alloc().buffer(payload.length(intendedNanos, publisher, sequence));
        payload.write(frame, intendedNanos, publisher, sequence);
        open.write(frame);
    }
}
