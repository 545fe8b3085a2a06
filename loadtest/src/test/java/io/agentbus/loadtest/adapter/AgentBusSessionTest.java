package io.agentbus.loadtest.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.RefusalCode;
import io.agentbus.loadtest.payload.PayloadWriter;
import io.agentbus.loadtest.payload.Stamp;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentBusSessionTest {
    private final List<String> events = new ArrayList<>();
    private final AgentBusSession session = new AgentBusSession(SessionSpec.inRoom("c-1", "room-1"),
            new Recorder(events), new PayloadWriter(100));

    @Test
    void shouldReportADeliveryWithItsStampAndFrameSize() {
        String msg = "{\"op\":\"msg\",\"room\":\"room-1\",\"offset\":3,\"from\":\"c-2\",\"channel\":\"main\","
                + "\"type\":\"message\",\"priority\":\"normal\",\"ts\":1,\"body\":{\"t\":77,\"p\":2,\"s\":5,\"x\":\"aa\"}}";
        frame(msg);
        assertEquals(List.of("delivery 77 2 5 " + msg.length() + "B"), events);
    }

    @Test
    void shouldReportAnAckWhoseRidIsTheIntendedTime() {
        frame("{\"op\":\"ok\",\"rid\":\"123456\",\"room\":\"room-1\",\"offset\":43}");
        assertEquals(List.of("ack 123456"), events);
    }

    @Test
    void shouldBeReadyWhenTheJoinIsAcknowledged() {
        frame("{\"op\":\"ok\",\"rid\":\"j\",\"room\":\"room-1\",\"offset\":0,\"members\":[]}");
        assertEquals(List.of("ready"), events);
    }

    @Test
    void shouldCountErrorsAndDroppedNotices() {
        frame("{\"op\":\"ok\",\"rid\":\"j\",\"room\":\"room-1\",\"offset\":0,\"members\":[]}");
        frame("{\"op\":\"error\",\"code\":\"internal\",\"message\":\"no rid\"}");
        frame("{\"op\":\"dropped\",\"room\":\"room-1\",\"from_offset\":3,\"to_offset\":9}");
        assertEquals(List.of("ready", "error SERVER_ERRORS", "error DROPPED_NOTICES"), events);
    }

    @Test
    void shouldReportAnErrorAnsweringAPublishAsItsRefusalByCode() {
        frame("{\"op\":\"ok\",\"rid\":\"j\",\"room\":\"room-1\",\"offset\":0,\"members\":[]}");
        frame("{\"op\":\"error\",\"rid\":\"5\",\"code\":\"overloaded\",\"message\":\"try again\"}");
        frame("{\"op\":\"error\",\"code\":\"rate_limited\",\"rid\":\"6\",\"message\":\"slow down\"}");
        frame("{\"op\":\"error\",\"rid\":\"7\",\"code\":\"overloaded_more\",\"message\":\"?\"}");
        assertEquals(List.of("ready", "error SERVER_ERRORS", "refused 5 OVERLOADED", "error SERVER_ERRORS",
                "refused 6 RATE_LIMITED", "error SERVER_ERRORS", "refused 7 OTHER"), events);
    }

    @Test
    void shouldFailSetupWhenTheServerRefusesBeforeReady() {
        frame("{\"op\":\"error\",\"rid\":\"j\",\"code\":\"bad_request\",\"message\":\"room\"}");
        assertEquals("error SERVER_ERRORS", events.get(0));
        assertEquals("failure the server refused: {\"op\":\"error\",\"rid\":\"j\",\"code\":\"bad_request\","
                + "\"message\":\"room\"}", events.get(1));
    }

    @Test
    void shouldCountMalformedAndTruncatedFramesWithoutThrowing() {
        String msg = "{\"op\":\"msg\",\"room\":\"room-1\",\"body\":{\"t\":77,\"p\":2,\"s\":5,\"x\":\"aa\"}}";
        frame("");
        frame("garbage");
        frame("[1,2,3]");
        frame("{\"op\":\"msg\",\"room\":\"room-1\",\"body\":{\"text\":\"not ours\"}}");
        for (int cut : new int[] {1, 12, msg.indexOf("\"t\":") + 5, msg.indexOf("\"s\":") + 5}) {
            frame(msg.substring(0, cut));
        }
        assertEquals(List.of("error MALFORMED", "error MALFORMED", "error MALFORMED", "error MALFORMED",
                "error MALFORMED", "error MALFORMED", "error MALFORMED", "error MALFORMED"), events);
    }

    @Test
    void shouldIgnorePresenceAndUnknownOps() {
        frame("{\"op\":\"presence\",\"room\":\"room-1\",\"client\":\"c-9\",\"event\":\"joined\"}");
        frame("{\"op\":\"some_future_op\"}");
        assertEquals(List.of(), events);
    }

    private void frame(String json) {
        session.onData(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
    }

    private record Recorder(List<String> events) implements SessionEvents {
        @Override
        public void onReady() {
            events.add("ready");
        }

        @Override
        public void onDelivery(Stamp stamp, int wireBytes) {
            events.add("delivery " + stamp.intendedNanos() + " " + stamp.publisher() + " " + stamp.sequence() + " "
                    + wireBytes + "B");
        }

        @Override
        public void onRefused(long intendedNanos, RefusalCode code) {
            events.add("refused " + intendedNanos + " " + code);
        }

        @Override
        public void onAck(long intendedNanos) {
            events.add("ack " + intendedNanos);
        }

        @Override
        public void onError(Count kind) {
            events.add("error " + kind);
        }

        @Override
        public void onFailure(String reason) {
            events.add("failure " + reason);
        }

        @Override
        public void onClosed() {
            events.add("closed");
        }
    }
}
