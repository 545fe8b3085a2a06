package io.agentbus.loadtest.adapter;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Splits the server's byte stream into NATS protocol messages, whatever the WebSocket framing:
 * one frame may hold several messages, and one message may span frames. Complete messages are
 * read in place in the frame. The bytes of a message a frame leaves incomplete wait in a buffer of
 * this parser; the next frames give it only what completes that message (the rest of its control
 * line, then the rest of its payload), and whatever follows is again read in place. Never throws
 * on bad input: it reports {@link NatsListener#onMalformed()} and skips the line (or, past the
 * limits, everything it holds). One parser per connection, on its event loop.
 */
final class NatsParser {
    /** The longest control line accepted ({@code MSG subject sid reply-to size}). */
    static final int MAX_CONTROL_LINE = 4096;
    /** The largest payload accepted (nats-server's default max_payload). */
    static final int MAX_PAYLOAD = 1 << 20;
    private static final int CRLF = 2;

    private final NatsListener listener;
    private ByteBuf pending;

    NatsParser(NatsListener listener) {
        this.listener = listener;
    }

    /** Parses what {@code data} completes; keeps an incomplete tail for the next call. Does not take {@code data}'s reference. */
    void feed(ByteBuf data) {
        int start = data.readerIndex();
        if (pending != null && pending.isReadable()) {
            completePending(data);
        }
        if (pending == null || !pending.isReadable()) {
            parseAll(data);
            if (data.isReadable()) {
                keep(data);
            }
        }
        data.readerIndex(start);
    }

    /** Drops what is kept. */
    void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    /** Bytes of an incomplete message waiting for the next frame. */
    int pendingBytes() {
        return pending == null ? 0 : pending.readableBytes();
    }

    /** Moves from {@code data} into the kept message only what it lacks, parsing it once complete. */
    private void completePending(ByteBuf data) {
        while (data.isReadable() && pending.isReadable()) {
            int take = Math.min(missing(data), data.readableBytes());
            pending.writeBytes(data, data.readerIndex(), take);
            data.skipBytes(take);
            parseAll(pending);
            pending.discardReadBytes();
        }
    }

    /**
     * How many bytes of {@code data} the kept message needs next: the rest of a {@code MSG}'s payload
     * and line end once its control line is complete, else the control line up to its line feed.
     */
    private int missing(ByteBuf data) {
        int start = pending.readerIndex();
        int lineFeed = pending.indexOf(start, pending.writerIndex(), (byte) '\n');
        if (lineFeed >= 0) {
            int lineEnd = lineFeed > start && pending.getByte(lineFeed - 1) == '\r' ? lineFeed - 1 : lineFeed;
            long size = trailingNumber(pending, start, lineEnd);
            return (int) Math.max(1, lineFeed + 1 + size + CRLF - pending.writerIndex());
        }
        int dataLineFeed = data.indexOf(data.readerIndex(), data.writerIndex(), (byte) '\n');
        return dataLineFeed < 0 ? data.readableBytes() : dataLineFeed + 1 - data.readerIndex();
    }

    private void keep(ByteBuf rest) {
        if (pending == null) {
            pending = Unpooled.buffer(Math.max(MAX_CONTROL_LINE, rest.readableBytes()));
        }
        pending.writeBytes(rest, rest.readerIndex(), rest.readableBytes());
    }

    private void parseAll(ByteBuf in) {
        boolean complete = true;
        while (complete && in.isReadable()) {
            complete = parseOne(in);
        }
    }

    /** Parses the message at the reader index; {@code false}, not moving, if it is incomplete. */
    private boolean parseOne(ByteBuf in) {
        int start = in.readerIndex();
        int lineFeed = in.indexOf(start, in.writerIndex(), (byte) '\n');
        if (lineFeed < 0) {
            return tooLongToWaitFor(in, in.readableBytes() > MAX_CONTROL_LINE);
        }
        int lineEnd = lineFeed > start && in.getByte(lineFeed - 1) == '\r' ? lineFeed - 1 : lineFeed;
        if (startsWith(in, start, lineEnd, "MSG ")) {
            return msg(in, start, lineEnd, lineFeed + 1);
        }
        control(in, start, lineEnd);
        in.readerIndex(lineFeed + 1);
        return true;
    }

    private boolean msg(ByteBuf in, int start, int lineEnd, int payloadStart) {
        long size = trailingNumber(in, start, lineEnd);
        if (size < 0 || size > MAX_PAYLOAD) {
            listener.onMalformed();
            in.readerIndex(payloadStart);
            return true;
        }
        int payloadEnd = payloadStart + (int) size;
        if (in.writerIndex() < payloadEnd + CRLF) {
            return false;
        }
        listener.onMsg(in, payloadStart, (int) size, payloadEnd + CRLF - start);
        if (in.getByte(payloadEnd) == '\r' && in.getByte(payloadEnd + 1) == '\n') {
            in.readerIndex(payloadEnd + CRLF);
        } else {
            listener.onMalformed();
            int lineFeed = in.indexOf(payloadEnd, in.writerIndex(), (byte) '\n');
            in.readerIndex(lineFeed < 0 ? in.writerIndex() : lineFeed + 1);
        }
        return true;
    }

    private void control(ByteBuf in, int start, int lineEnd) {
        if (startsWith(in, start, lineEnd, "PING")) {
            listener.onPing();
        } else if (startsWith(in, start, lineEnd, "PONG")) {
            listener.onPong();
        } else if (startsWith(in, start, lineEnd, "INFO")) {
            listener.onInfo();
        } else if (startsWith(in, start, lineEnd, "-ERR")) {
            listener.onServerError(in.toString(start, lineEnd - start, StandardCharsets.UTF_8));
        } else if (!startsWith(in, start, lineEnd, "+OK")) {
            listener.onMalformed();
        }
    }

    private boolean tooLongToWaitFor(ByteBuf in, boolean tooLong) {
        if (tooLong) {
            listener.onMalformed();
            in.skipBytes(in.readableBytes());
        }
        return false;
    }

    /** The number that ends the line (a {@code MSG}'s size), or -1. */
    private static long trailingNumber(ByteBuf in, int start, int lineEnd) {
        int end = lineEnd;
        while (end > start && in.getByte(end - 1) == ' ') {
            end--;
        }
        int first = end;
        while (first > start && Character.isDigit(in.getByte(first - 1))) {
            first--;
        }
        if (first == end || end - first > 9) {
            return -1;
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            value = value * 10 + in.getByte(i) - '0';
        }
        return value;
    }

    private static boolean startsWith(ByteBuf in, int start, int lineEnd, String op) {
        if (lineEnd - start < op.length()) {
            return false;
        }
        for (int i = 0; i < op.length(); i++) {
            if (Character.toUpperCase(in.getByte(start + i)) != op.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
