package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.payload.Decimal;
import io.agentbus.loadtest.payload.PayloadWriter;
import io.agentbus.loadtest.transport.WsChannel;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * One connection to nats-server over WebSocket: on the first {@code INFO} it sends {@code CONNECT}
 * (not verbose, so no {@code +OK} per publish: NATS has no publish ack), {@code SUB} of its room's
 * subject ({@code room.NAME}) or of its own direct subject ({@code dm.CLIENT}), and {@code PING};
 * the {@code PONG} proves the subscription is live. It answers the server's {@code PING}s.
 */
final class NatsSession extends BaseSession implements NatsListener {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] PONG = ascii("PONG\r\n");

    private final String subscription;
    private final byte[] publishOpen;
    private final NatsParser parser = new NatsParser(this);
    private boolean connectSent;
    private boolean ready;

    NatsSession(SessionSpec spec, SessionEvents events, PayloadWriter payload) {
        super(events, payload);
        this.subscription = spec.isDirect() ? "dm." + spec.clientId() : "room." + spec.room();
        this.publishOpen = ascii("PUB " + (spec.isDirect() ? "dm." + spec.partner() : "room." + spec.room()) + " ");
    }

    @Override
    void opened(WsChannel channel) {
        // the server speaks first, with INFO
    }

    @Override
    public void onData(ByteBuf content) {
        parser.feed(content);
    }

    @Override
    public void onInfo() {
        if (connectSent) {
            return;
        }
        connectSent = true;
        writeText("CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"agentbus-loadtest\"}\r\n"
                + "SUB " + subscription + " 1\r\nPING\r\n");
    }

    @Override
    public void onMsg(ByteBuf buf, int from, int length, int messageBytes) {
        deliver(buf, from, from + length, messageBytes);
    }

    @Override
    public void onPing() {
        WsChannel open = channel;
        open.write(open.alloc().buffer(PONG.length).writeBytes(PONG));
        open.flush();
    }

    @Override
    public void onPong() {
        if (!ready) {
            ready = true;
            events.onReady();
        }
    }

    @Override
    public void onServerError(String line) {
        events.onError(Count.SERVER_ERRORS);
        if (!ready) {
            events.onFailure("the server refused: " + line);
        }
    }

    @Override
    public void onMalformed() {
        events.onError(Count.MALFORMED);
    }

    @Override
    public void publish(long intendedNanos, int publisher, long sequence) {
        WsChannel open = channel;
        int bodyLength = payload.length(intendedNanos, publisher, sequence);
        ByteBuf frame = open.alloc().buffer(publishOpen.length + Decimal.digits(bodyLength) + bodyLength + 2 * CRLF.length);
        frame.writeBytes(publishOpen);
        Decimal.write(frame, bodyLength);
        frame.writeBytes(CRLF);
        payload.write(frame, intendedNanos, publisher, sequence);
        frame.writeBytes(CRLF);
        open.write(frame);
    }

    @Override
    public void onClosed() {
        parser.release();
        super.onClosed();
    }

    private void writeText(String text) {
        WsChannel open = channel;
        ByteBuf frame = open.alloc().buffer(text.length());
        frame.writeCharSequence(text, StandardCharsets.UTF_8);
        open.write(frame);
        open.flush();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
