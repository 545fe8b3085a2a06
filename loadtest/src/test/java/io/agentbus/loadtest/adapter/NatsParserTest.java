package io.agentbus.loadtest.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatsParserTest {
    private static final String STREAM = "INFO {\"server_id\":\"x\",\"max_payload\":1048576}\r\n"
            + "MSG room.a 1 5\r\nhello\r\n"
            + "PING\r\n"
            + "MSG room.a 1 reply.to 12\r\nhello\r\nworld\r\n"
            + "+OK\r\n"
            + "MSG room.b 2 0\r\n\r\n"
            + "PONG\r\n";
    private static final List<String> EVENTS = List.of("INFO", "MSG hello", "PING", "MSG hello\r\nworld", "MSG ",
            "PONG");

    private final List<String> events = new ArrayList<>();
    private final List<Integer> messageSizes = new ArrayList<>();
    private final NatsParser parser = new NatsParser(new Recorder(events, messageSizes));

    @Test
    void shouldReadSeveralMessagesFromOneFrame() {
        feed(STREAM);
        assertEquals(EVENTS, events);
    }

    @Test
    void shouldReadMessagesSplitAcrossFramesAtEveryByte() {
        for (int split = 1; split < STREAM.length(); split++) {
            List<String> seen = new ArrayList<>();
            NatsParser p = new NatsParser(new Recorder(seen));
            p.feed(ascii(STREAM.substring(0, split)));
            p.feed(ascii(STREAM.substring(split)));
            assertEquals(EVENTS, seen, "split at " + split);
        }
    }

    @Test
    void shouldReadAStreamFedOneByteAtATime() {
        for (int i = 0; i < STREAM.length(); i++) {
            feed(STREAM.substring(i, i + 1));
        }
        assertEquals(EVENTS, events);
    }

    @Test
    void shouldReadAMessageSplitAcrossThreeFramesAndTheRestOfTheLastInPlace() {
        String message = "MSG room.a 1 11\r\nhello world\r\n";
        feed("PING\r\nMSG room.a 1 11\r\nhel");
        assertEquals("MSG room.a 1 11\r\nhel".length(), parser.pendingBytes());
        feed("lo wo");
        feed("rld\r\nPONG\r\nMSG room.b 2 3\r\nab");
        assertEquals(List.of("PING", "MSG hello world", "PONG"), events);
        assertEquals(List.of(message.length()), messageSizes);
        assertEquals("MSG room.b 2 3\r\nab".length(), parser.pendingBytes(),
                "only the next incomplete message is kept, not the rest of the frame");
        feed("c\r\n");
        assertEquals("MSG abc", events.get(3));
        assertEquals(0, parser.pendingBytes());
    }

    @Test
    void shouldCompleteAControlLineSplitAcrossFrames() {
        feed("MSG room.a 1");
        feed(" 5\r");
        feed("\nhello\r\nPI");
        feed("NG\r\n");
        assertEquals(List.of("MSG hello", "PING"), events);
        assertEquals(List.of("MSG room.a 1 5\r\nhello\r\n".length()), messageSizes);
    }

    @Test
    void shouldNotConsumeTheCallersFrame() {
        ByteBuf frame = ascii("PING\r\nMSG a 1 3\r\nab");
        parser.feed(frame);
        assertEquals(0, frame.readerIndex());
        feed("c\r\n");
        assertEquals(List.of("PING", "MSG abc"), events);
    }

    @Test
    void shouldReportServerErrors() {
        feed("-ERR 'Authorization Violation'\r\n");
        assertEquals(List.of("ERR -ERR 'Authorization Violation'"), events);
    }

    @Test
    void shouldCountMalformedInputAndCarryOn() {
        feed("HELLO there\r\nMSG a 1 x\r\nMSG a 1 3\r\nabcXY\r\nPING\r\n");
        assertEquals(List.of("MALFORMED", "MALFORMED", "MSG abc", "MALFORMED", "PING"), events);
    }

    @Test
    void shouldGiveUpOnAControlLineThatNeverEnds() {
        feed("x".repeat(NatsParser.MAX_CONTROL_LINE + 1));
        feed("PING\r\n");
        assertEquals(List.of("MALFORMED", "PING"), events);
    }

    @Test
    void shouldRefuseAPayloadOverTheLimit() {
        feed("MSG a 1 " + (NatsParser.MAX_PAYLOAD + 1) + "\r\nPING\r\n");
        assertEquals(List.of("MALFORMED", "PING"), events);
    }

    private void feed(String text) {
        parser.feed(ascii(text));
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private record Recorder(List<String> events, List<Integer> messageSizes) implements NatsListener {
        Recorder(List<String> events) {
            this(events, new ArrayList<>());
        }

        @Override
        public void onInfo() {
            events.add("INFO");
        }

        @Override
        public void onMsg(ByteBuf buf, int from, int length, int messageBytes) {
            events.add("MSG " + buf.toString(from, length, StandardCharsets.US_ASCII));
            messageSizes.add(messageBytes);
        }

        @Override
        public void onPing() {
            events.add("PING");
        }

        @Override
        public void onPong() {
            events.add("PONG");
        }

        @Override
        public void onServerError(String line) {
            events.add("ERR " + line);
        }

        @Override
        public void onMalformed() {
            events.add("MALFORMED");
        }
    }
}
