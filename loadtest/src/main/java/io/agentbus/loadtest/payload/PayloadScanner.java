package io.agentbus.loadtest.payload;

import io.netty.buffer.ByteBuf;

/**
 * Finds the measured body in a range of bytes (a whole {@code msg} frame, or a NATS payload) and
 * reads its three fields. One scanner per thread: it keeps a cursor.
 */
public final class PayloadScanner {
    private static final int MAX_PUBLISHER = Integer.MAX_VALUE;

    private final AsciiCursor cursor = new AsciiCursor();

    /**
     * Scans {@code buf[from, to)} for the first {@code {"t":} and reads {@code t}, {@code p} and
     * {@code s} that must follow it, in that order, into {@code out}; {@code s} must be followed by
     * {@code ,} or {@code }}, so a body cut inside a number is not taken for a smaller one.
     *
     * @return whether a well-formed stamp was found; {@code false} for anything else
     */
    public boolean scan(ByteBuf buf, int from, int to, Stamp out) {
        AsciiCursor c = cursor.reset(buf, from, to);
        if (!c.find(PayloadWriter.TIME) || !c.skip(PayloadWriter.TIME)) {
            return false;
        }
        long intended = c.readNumber();
        if (intended < 0 || !c.skip(PayloadWriter.PUBLISHER)) {
            return false;
        }
        long publisher = c.readNumber();
        if (publisher < 0 || publisher > MAX_PUBLISHER || !c.skip(PayloadWriter.SEQUENCE)) {
            return false;
        }
        long sequence = c.readNumber();
        if (sequence < 0 || !c.atEither(',', '}')) {
            return false;
        }
        out.set(intended, (int) publisher, sequence);
        return true;
    }
}
