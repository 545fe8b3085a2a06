package io.agentbus.loadtest.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {
    private final PayloadScanner scanner = new PayloadScanner();
    private final Stamp stamp = new Stamp();

    @Test
    void shouldPadTheBodyToTheSizeAskedFor() {
        PayloadWriter writer = new PayloadWriter(100);
        ByteBuf buf = Unpooled.buffer();
        writer.write(buf, 123_456_789L, 4, 17);
        assertEquals(100, buf.readableBytes());
        assertEquals(100, writer.length(123_456_789L, 4, 17));
        assertTrue(text(buf).startsWith("{\"t\":123456789,\"p\":4,\"s\":17,\"x\":\"aaa"), text(buf));
        assertTrue(text(buf).endsWith("aa\"}"));
    }

    @Test
    void shouldWriteTheFieldsUnpaddedWhenTheyAloneAreLongerThanTheBody() {
        PayloadWriter writer = new PayloadWriter(10);
        ByteBuf buf = Unpooled.buffer();
        writer.write(buf, 5, 0, 0);
        assertEquals("{\"t\":5,\"p\":0,\"s\":0,\"x\":\"\"}", text(buf));
        assertEquals(buf.readableBytes(), writer.length(5, 0, 0));
    }

    @Test
    void shouldFindTheStampItWrote() {
        ByteBuf buf = Unpooled.buffer();
        new PayloadWriter(100).write(buf, Long.MAX_VALUE / 1000, Integer.MAX_VALUE, 999_999_999_999L);
        assertTrue(scanner.scan(buf, buf.readerIndex(), buf.writerIndex(), stamp));
        assertEquals(Long.MAX_VALUE / 1000, stamp.intendedNanos());
        assertEquals(Integer.MAX_VALUE, stamp.publisher());
        assertEquals(999_999_999_999L, stamp.sequence());
    }

    @Test
    void shouldFindTheStampInsideAnAgentbusMsgFrame() {
        ByteBuf frame = ascii("{\"op\":\"msg\",\"room\":\"r\",\"offset\":43,\"from\":\"c-1\",\"ts\":17,"
                + "\"body\":{\"t\":42,\"p\":3,\"s\":9,\"x\":\"aaaa\"}}");
        assertTrue(scanner.scan(frame, 0, frame.writerIndex(), stamp));
        assertEquals(42, stamp.intendedNanos());
        assertEquals(3, stamp.publisher());
        assertEquals(9, stamp.sequence());
    }

    @Test
    void shouldRefuseEveryTruncationOfABody() {
        ByteBuf buf = ascii("{\"t\":123,\"p\":4,\"s\":17,\"x\":\"a\"}");
        int sequenceEnd = buf.toString(StandardCharsets.US_ASCII).indexOf(",\"x\"");
        for (int length = 0; length <= sequenceEnd; length++) {
            assertFalse(scanner.scan(buf, 0, length, stamp), "truncated to " + length);
        }
        assertTrue(scanner.scan(buf, 0, sequenceEnd + 1, stamp));
        assertEquals(17, stamp.sequence());
    }

    @Test
    void shouldRefuseMalformedBodiesWithoutThrowing() {
        String[] malformed = {"", "{", "not json at all", "{\"t\":,\"p\":1,\"s\":2}", "{\"t\":1,\"q\":1,\"s\":2}",
            "{\"t\":1,\"p\":-1,\"s\":2}", "{\"t\":1,\"p\":99999999999,\"s\":2}", "{\"t\":1,\"p\":1,\"s\":x}",
            "{\"t\":1234567890123456789012,\"p\":1,\"s\":2}", "{\"t\":1,\"p\":1}", "\"t\":1,\"p\":1,\"s\":2"};
        for (String body : malformed) {
            ByteBuf buf = ascii(body);
            assertFalse(scanner.scan(buf, 0, buf.writerIndex(), stamp), body);
        }
    }

    @Test
    void shouldWriteDigitsOfAnyNonNegativeNumber() {
        long[] values = {0, 9, 10, 99, 100, 123_456_789, Long.MAX_VALUE};
        for (long v : values) {
            ByteBuf buf = Unpooled.buffer();
            Decimal.write(buf, v);
            assertEquals(Long.toString(v), text(buf));
            assertEquals(Long.toString(v).length(), Decimal.digits(v));
        }
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static String text(ByteBuf buf) {
        return buf.toString(StandardCharsets.US_ASCII);
    }
}
