package io.agentbus.loadtest.payload;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the measured body {@code {"t":T,"p":P,"s":S,"x":"aaa…"}}, padded to the body size asked
 * for; a body whose fields alone are longer is written without padding. Immutable: event loops
 * share one instance.
 */
public final class PayloadWriter {
    static final byte[] TIME = ascii("{\"t\":");
    static final byte[] PUBLISHER = ascii(",\"p\":");
    static final byte[] SEQUENCE = ascii(",\"s\":");
    private static final byte[] PADDING_OPEN = ascii(",\"x\":\"");
    private static final byte[] PADDING_CLOSE = ascii("\"}");
    private static final int FIXED_BYTES = TIME.length + PUBLISHER.length + SEQUENCE.length
            + PADDING_OPEN.length + PADDING_CLOSE.length;

    private final int bodyBytes;
    private final byte[] padding;

    public PayloadWriter(int bodyBytes) {
        this.bodyBytes = bodyBytes;
        this.padding = new byte[bodyBytes];
        Arrays.fill(padding, (byte) 'a');
    }

    /** The body size asked for. */
    public int bodyBytes() {
        return bodyBytes;
    }

    /** How many bytes {@link #write} writes for these fields. */
    public int length(long intendedNanos, int publisher, long sequence) {
        return Math.max(bodyBytes, unpadded(intendedNanos, publisher, sequence));
    }

    /** Writes the body for these fields (all 0 or more). */
    public void write(ByteBuf out, long intendedNanos, int publisher, long sequence) {
        int paddingBytes = Math.max(0, bodyBytes - unpadded(intendedNanos, publisher, sequence));
        out.writeBytes(TIME);
        Decimal.write(out, intendedNanos);
        out.writeBytes(PUBLISHER);
        Decimal.write(out, publisher);
        out.writeBytes(SEQUENCE);
        Decimal.write(out, sequence);
        out.writeBytes(PADDING_OPEN);
        out.writeBytes(padding, 0, paddingBytes);
        out.writeBytes(PADDING_CLOSE);
    }

    private static int unpadded(long intendedNanos, int publisher, long sequence) {
        return FIXED_BYTES + Decimal.digits(intendedNanos) + Decimal.digits(publisher) + Decimal.digits(sequence);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
