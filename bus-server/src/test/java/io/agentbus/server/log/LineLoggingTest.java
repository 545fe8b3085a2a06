package io.agentbus.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.server.config.LogFormat;
import io.agentbus.server.config.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The daemon's SLF4J binding, through {@link LoggerFactory} as every class of the daemon uses it. */
class LineLoggingTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Logger log = LoggerFactory.getLogger("io.agentbus.test.Logging");

    @BeforeEach
    void capture() {
        LineLogging.writeTo(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        LineLogging.configure(LogFormat.TEXT, LogLevel.INFO);
        LineLogging.writeTo(System.out);
    }

    @Test
    void shouldWriteOneJsonObjectPerEventWithTheStackTraceInside() throws IOException {
        LineLogging.configure(LogFormat.JSON, LogLevel.INFO);
        log.error("journal at {} cannot be read", "/data", new IllegalStateException("torn\nentry"));

        List<String> lines = lines();
        assertEquals(1, lines.size(), captured.toString(StandardCharsets.UTF_8));
        Map<String, String> event = fields(lines.get(0));
        assertEquals("ERROR", event.get("level"));
        assertEquals("io.agentbus.test.Logging", event.get("logger"));
        assertEquals("journal at /data cannot be read", event.get("msg"));
        assertEquals(Thread.currentThread().getName(), event.get("thread"));
        assertTrue(event.get("error").startsWith("java.lang.IllegalStateException: torn\nentry\n\tat "), event.get("error"));
        assertTrue(Instant.parse(event.get("ts")).isBefore(Instant.now().plusSeconds(1)));
    }

    @Test
    void shouldKeepATextEventAndItsStackTraceOnOneLine() {
        log.warn("first line\nsecond line", new RuntimeException("why"));

        List<String> lines = lines();
        assertEquals(1, lines.size(), captured.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  \\[[^]]+] "
                + "io\\.agentbus\\.test\\.Logging - first line\\\\nsecond line \\| java\\.lang\\.RuntimeException: why"
                + "\\\\n at .*"), lines.get(0));
    }

    @Test
    void shouldLeaveOutEventsBelowTheLevel() {
        LineLogging.configure(LogFormat.TEXT, LogLevel.WARN);
        log.info("not this");
        log.debug("nor this");
        log.warn("this");

        assertEquals(1, lines().size());
        assertTrue(lines().get(0).endsWith(" - this"));
    }

    @Test
    void shouldPrefixTheJournaldPriorityInsteadOfATimestampUnderSystemd() {
        String line = LogLine.format(LogFormat.TEXT, true, Instant.EPOCH, Level.ERROR, "main", "x.Y", "down", null);

        assertEquals("<3>ERROR [main] x.Y - down", line);
        assertEquals(7, LogLine.syslogPriority(Level.DEBUG));
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Map<String, String> fields(String json) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.put(name, p.getText());
            }
        }
        return fields;
    }
}
