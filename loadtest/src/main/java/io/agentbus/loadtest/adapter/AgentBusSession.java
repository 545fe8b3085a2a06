package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.RefusalCode;
import io.agentbus.loadtest.payload.AsciiCursor;
import io.agentbus.loadtest.payload.Decimal;
import io.agentbus.loadtest.payload.PayloadWriter;
import io.agentbus.loadtest.transport.WsChannel;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One agentbus connection: {@code hello}, then {@code join} of its room (echo on), then
 * {@code pub} into the room (or {@code send} to its partner). The {@code rid} of each publish is
 * its intended send time, so the {@code ok} carries what the ack latency needs, and an {@code error}
 * with a numeric {@code rid} names the publish the server refused. A WebSocket ping
 * every half heartbeat keeps the server's idle timer from closing connections that only listen.
 */
final class AgentBusSession extends BaseSession {
    private static final byte[] OP = ascii("{\"op\":\"");
    private static final byte[] MSG = ascii("msg\"");
    private static final byte[] OK = ascii("ok\",\"rid\":\"");
    private static final byte[] JOIN_RID = ascii("j\"");
    private static final byte[] WELCOME = ascii("welcome\"");
    private static final byte[] ERROR = ascii("error\"");
    private static final byte[] DROPPED = ascii("dropped\"");
    private static final byte[] HEARTBEAT = ascii("\"heartbeat_ms\":");
    private static final byte[] RID = ascii("\"rid\":\"");
    private static final byte[] CODE = ascii("\"code\":\"");
    private static final RefusalCode[] CODES = RefusalCode.values();
    private static final long DEFAULT_HEARTBEAT_MS = 20_000;

    private final SessionSpec spec;
    private final byte[] publishOpen;
    private final byte[] publishMiddle;
    private final AsciiCursor cursor = new AsciiCursor();
    private boolean ready;
    private ScheduledFuture<?> heartbeat;

    AgentBusSession(SessionSpec spec, SessionEvents events, PayloadWriter payload) {
        super(events, payload);
        this.spec = spec;
        this.publishOpen = ascii(spec.isDirect() ? "{\"op\":\"send\",\"rid\":\"" : "{\"op\":\"pub\",\"rid\":\"");
        this.publishMiddle = ascii(spec.isDirect() ? "\",\"to\":\"" + spec.partner() + "\",\"body\":"
                : "\",\"room\":\"" + spec.room() + "\",\"body\":");
    }

    @Override
    void opened(WsChannel channel) {
        writeText(channel, "{\"op\":\"hello\",\"client\":\"" + spec.clientId() + "\"}");
    }

    @Override
    public void onData(ByteBuf content) {
        AsciiCursor c = cursor.reset(content, content.readerIndex(), content.writerIndex());
        if (!c.skip(OP)) {
            events.onError(Count.MALFORMED);
        } else if (c.at(MSG)) {
            deliver(content, c.position(), c.end(), content.readableBytes());
        } else if (c.skip(OK)) {
            onOk(c);
        } else {
            onOtherFrame(c, content);
        }
    }

    private void onOk(AsciiCursor c) {
        long intended = c.readNumber();
        if (intended >= 0) {
            events.onAck(intended);
        } else if (c.at(JOIN_RID) && !ready) {
            becomeReady();
        }
    }

    private void onOtherFrame(AsciiCursor c, ByteBuf content) {
        if (c.at(WELCOME)) {
            onWelcome(c);
        } else if (c.at(ERROR)) {
            onErrorFrame(content);
        } else if (c.at(DROPPED)) {
            events.onError(Count.DROPPED_NOTICES);
        }
    }

    /** Every error counts; one answering a publish (its rid is a number) refuses it; one before ready fails the setup. */
    private void onErrorFrame(ByteBuf content) {
        events.onError(Count.SERVER_ERRORS);
        long intended = field(content, RID) ? cursor.readNumber() : -1;
        if (intended >= 0) {
            events.onRefused(intended, refusalCode(content));
        } else if (!ready) {
            events.onFailure("the server refused: " + content.toString(StandardCharsets.UTF_8));
        }
    }

    private RefusalCode refusalCode(ByteBuf content) {
        if (field(content, CODE)) {
            for (RefusalCode code : CODES) {
                if (cursor.at(code.quotedBytes())) {
                    return code;
                }
            }
        }
        return RefusalCode.OTHER;
    }

    /** Points the cursor just past {@code name} (a field name with its opening quote), if the frame has it. */
    private boolean field(ByteBuf content, byte[] name) {
        AsciiCursor c = cursor.reset(content, content.readerIndex(), content.writerIndex());
        return c.find(name) && c.skip(name);
    }

    private void onWelcome(AsciiCursor c) {
        long heartbeatMs = c.find(HEARTBEAT) && c.skip(HEARTBEAT) ? c.readNumber() : -1;
        long pingEveryMs = Math.max(1, (heartbeatMs > 0 ? heartbeatMs : DEFAULT_HEARTBEAT_MS) / 2);
        WsChannel open = channel;
        heartbeat = open.eventLoop().scheduleAtFixedRate(open::ping, pingEveryMs, pingEveryMs, TimeUnit.MILLISECONDS);
        if (spec.isDirect()) {
            becomeReady();
        } else {
            writeText(open, "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + spec.room() + "\"}");
        }
    }

    private void becomeReady() {
        ready = true;
        events.onReady();
    }

    @Override
    public void publish(long intendedNanos, int publisher, long sequence) {
        WsChannel open = channel;
        int bodyLength = payload.length(intendedNanos, publisher, sequence);
        ByteBuf frame = open.alloc().buffer(publishOpen.length + Decimal.digits(intendedNanos)
                + publishMiddle.length + bodyLength + 1);
        frame.writeBytes(publishOpen);
        Decimal.write(frame, intendedNanos);
        frame.writeBytes(publishMiddle);
        payload.write(frame, intendedNanos, publisher, sequence);
        frame.writeByte('}');
        open.write(frame);
    }

    @Override
    public void onClosed() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        super.onClosed();
    }

    private static void writeText(WsChannel channel, String json) {
        ByteBuf frame = channel.alloc().buffer(json.length());
        frame.writeCharSequence(json, StandardCharsets.UTF_8);
        channel.write(frame);
        channel.flush();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
