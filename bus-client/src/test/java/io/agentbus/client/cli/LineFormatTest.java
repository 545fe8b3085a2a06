package io.agentbus.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.client.ReceivedMessage;
import io.agentbus.protocol.Priority;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The two line formats of {@code tail} and {@code history}. */
class LineFormatTest {
    private static final long TS = 1_795_214_065_644L;
    private static final String LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .format(LocalTime.ofInstant(Instant.ofEpochMilli(TS), ZoneId.systemDefault()));

    private static ReceivedMessage message(String id, String bodyJson) {
        return new ReceivedMessage("build-42", null, 7, "coder-1", "ci", "status", Priority.HIGH, TS, id, bodyJson);
    }

    @Test
    void shouldPrintTheTextFieldForPeople() {
        assertEquals("[build-42 #7 " + LOCAL_TIME + " high] coder-1 (status): tests are green",
                new TextLineFormat().format(message(null, "{\"text\":\"tests are green\",\"n\":1}")));
    }

    @Test
    void shouldPrintTheBodyJsonWhenThereIsNoTextField() {
        assertEquals("[build-42 #7 " + LOCAL_TIME + " high] coder-1 (status): {\"build\":42}",
                new TextLineFormat().format(message(null, "{\"build\":42}")));
    }

    @Test
    void shouldKeepEachMessageOnOneLineAndEscapeControlCharacters() {
        String line = new TextLineFormat().format(message(null, "{\"text\":\"a\\nb\\r\\tc\\u001b[2J\"}"));

        assertEquals("[build-42 #7 " + LOCAL_TIME + " high] coder-1 (status): a\\nb\\r\tc\\u001b[2J", line);
    }

    @Test
    void shouldPrintTheWholeMessageAsOneJsonObject() {
        assertEquals("{\"room\":\"build-42\",\"offset\":7,\"from\":\"coder-1\",\"channel\":\"ci\",\"type\":\"status\","
                        + "\"priority\":\"high\",\"ts\":" + TS + ",\"id\":\"req-7\",\"body\":{\"build\":42}}",
                new JsonLineFormat().format(message("req-7", "{\"build\":42}")));
        assertEquals("{\"room\":\"build-42\",\"offset\":7,\"from\":\"coder-1\",\"channel\":\"ci\",\"type\":\"status\","
                        + "\"priority\":\"high\",\"ts\":" + TS + ",\"body\":null}",
                new JsonLineFormat().format(message(null, "null")));
    }
}
