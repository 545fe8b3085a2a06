package io.agentbus.orchestrator.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.worker.bus.Control;
import io.agentbus.orchestrator.worker.bus.EventType;
import io.agentbus.protocol.Priority;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {
    @Test
    void shouldReadAWorkerEvent() throws Exception {
        JobEvent e = EventParser.parse(msg("{\"type\":\"cost\",\"task_id\":\"task-1\",\"worker\":\"w-1\",\"usd\":0.5,"
                + "\"tokens_in\":10,\"tokens_out\":2}"));
        assertEquals("cost", e.type());
        assertEquals("task-1", e.taskId());
        assertEquals("w-1", e.worker());
        assertEquals(0.5, e.number("usd", -1));
    }

    @Test
    void shouldTakeTheSenderAsWorkerWhenTheBodyNamesNone() throws Exception {
        assertEquals("coder-9", EventParser.parse(msg("{\"type\":\"started\",\"task_id\":\"task-1\"}")).worker());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"text\"", "42", "null", "[1]", "{\"text\":\"hi\"}", "{\"type\":7}",
        "{\"type\":\"chat\",\"task_id\":\"task-1\"}", "{\"type\":\"job_end\"}"})
    void shouldLeaveMessagesThatAreNotForItAlone(String body) throws Exception {
        assertNull(EventParser.parse(msg(body)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"started\"}                                          | needs a string field 'task_id'",
        "{\"type\":\"started\",\"task_id\":3}                            | field 'task_id' must be a non-empty string",
        "{\"type\":\"started\",\"task_id\":\"\"}                         | field 'task_id' must be a non-empty string",
        "{\"type\":\"cost\",\"task_id\":\"t\"}                           | needs a number 'usd' >= 0",
        "{\"type\":\"cost\",\"task_id\":\"t\",\"usd\":-1}                | needs a number 'usd' >= 0",
        "{\"type\":\"cost\",\"task_id\":\"t\",\"usd\":\"1\"}             | needs a number 'usd' >= 0",
        "{\"type\":\"cost\",\"task_id\":\"t\",\"usd\":1,\"tokens_in\":1.5} | 'tokens_in' must be a whole number >= 0",
        "{\"type\":\"cost\",\"task_id\":\"t\",\"usd\":1,\"tokens_out\":-3} | 'tokens_out' must be a whole number >= 0",
        "{\"type\":\"review\",\"task_id\":\"t\"}                         | needs a 'verdict' of approve, concern or blocker",
        "{\"type\":\"review\",\"task_id\":\"t\",\"verdict\":\"meh\"}     | needs a 'verdict' of approve, concern or blocker",
        "{\"type\":\"review\",\"task_id\":\"t\",\"verdict\":\"approve\",\"round\":1} | field 'round' must be a non-empty string",
        "{\"type\":\"blocker\",\"task_id\":\"t\",\"reason\":{}}          | field 'reason' must be a string",
        "{\"type\":\"pause\",\"worker\":5}                               | field 'worker' must be a non-empty string",
    })
    void shouldRefuseAMalformedEventNamingTheField(String body, String message) {
        BadEventException e = assertThrows(BadEventException.class, () -> EventParser.parse(msg(body)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"type\":\"pause\"}", "{\"type\":\"stop\",\"task_id\":\"task-2\"}",
        "{\"type\":\"heartbeat\",\"worker\":\"w\"}"})
    void shouldAcceptControlsAndHeartbeatsWithoutATask(String body) throws Exception {
        assertTrue(EventParser.parse(msg(body)) != null);
    }

    private static ReceivedMessage msg(String body) {
        return new ReceivedMessage("room-1", null, 7, "coder-9", "main", "message", Priority.NORMAL, 1L, null, body);
    }

    /**
     * The orchestrator and the worker meet only through the bus, each with its own list of the
     * vocabulary; this keeps the two lists the same.
     */
    @Test
    void shouldKnowEveryEventAndControlTheWorkerSpeaks() {
        assertEquals(Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet()),
                EventParser.WORKER_EVENTS);
        assertEquals(Arrays.stream(Control.Action.values()).map(a -> a.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet()), EventParser.CONTROLS);
    }
}
