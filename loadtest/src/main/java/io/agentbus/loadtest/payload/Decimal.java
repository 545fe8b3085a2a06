package io.agentbus.loadtest.payload;

import io.netty.buffer.ByteBuf;

/** Non-negative whole numbers as ASCII digits, written straight into a buffer. */
public final class Decimal {
    private static final long[] POWERS = powersOfTen();

    private Decimal() {
    }

    /** How many digits {@code value} (0 or more) has. */
    public static int digits(long value) {
        int n = 1;
        while (n < POWERS.length && value >= POWERS[n]) {
            n++;
        }
        return n;
    }

    /** Writes {@code value} (0 or more) as digits. */
    public static void write(ByteBuf out, long value) {
        for (int i = digits(value) - 1; i >= 0; i--) {
            out.writeByte('0' + (int) (value / POWERS[i] % 10));
        }
    }

    private static long[] powersOfTen() {
        long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
