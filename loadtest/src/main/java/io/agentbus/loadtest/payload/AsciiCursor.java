package io.agentbus.loadtest.payload;

import io.netty.buffer.ByteBuf;

/**
 * A read position over a range of a buffer, for matching literals and reading digits without
 * allocating: every method stays inside the range and answers {@code false} or {@code -1}
 * instead of throwing. One cursor serves one thread, reset for each frame.
 */
public final class AsciiCursor {
    private static final int MAX_DIGITS = 18;

    private ByteBuf buf;
    private int position;
    private int end;

    /** Points the cursor at {@code buf[from, to)}. */
    public AsciiCursor reset(ByteBuf buf, int from, int to) {
        this.buf = buf;
        this.position = from;
        this.end = to;
        return this;
    }

    public int position() {
        return position;
    }

    public int end() {
        return end;
    }

    /** Whether the bytes at the position are {@code literal}; if so, moves past them. */
    public boolean skip(byte[] literal) {
        if (!at(literal)) {
            return false;
        }
        position += literal.length;
        return true;
    }

    /** Whether the bytes at the position are {@code literal}, without moving. */
    public boolean at(byte[] literal) {
        if (end - position < literal.length) {
            return false;
        }
        for (int i = 0; i < literal.length; i++) {
            if (buf.getByte(position + i) != literal[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the byte at the position is {@code a} or {@code b}, without moving. */
    public boolean atEither(char a, char b) {
        if (position >= end) {
            return false;
        }
        byte next = buf.getByte(position);
        return next == a || next == b;
    }

    /** Reads 1 to 18 digits as a number and moves past them; {@code -1} (not moving) if there are none or too many. */
    public long readNumber() {
        int at = position;
        long value = 0;
        while (at < end && at - position <= MAX_DIGITS) {
            byte b = buf.getByte(at);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            at++;
        }
        if (at == position || at - position > MAX_DIGITS) {
            return -1;
        }
        position = at;
        return value;
    }

    /** Moves to the first occurrence of {@code literal} at or after the position; {@code false} (not moving) if none. */
    public boolean find(byte[] literal) {
        int saved = position;
        int last = end - literal.length;
        for (int at = position; at <= last && at >= 0; at++) {
            at = buf.indexOf(at, last + 1, literal[0]);
            if (at < 0) {
                break;
            }
            position = at;
            if (at(literal)) {
                return true;
            }
        }
        position = saved;
        return false;
    }
}
