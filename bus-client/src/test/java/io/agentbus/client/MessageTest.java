package io.agentbus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTest {

    @Test
    void shouldQuoteTextIntoAJsonObject() {
        Message m = Message.text("say \"hi\"\n\u00e9");
        assertEquals("{\"text\":\"say \\\"hi\\\"\\n\u00e9\"}", m.body().json());
        assertEquals("message", m.type());
        assertEquals("main", m.channel());
        assertEquals(Priority.NORMAL, m.priority());
        assertNull(m.id());
    }

    @Test
    void shouldKeepSettingsOnCopies() {
        Message m = Message.json("[1,2]").type("status").channel("ci").priority(Priority.LOW).id("k-1");
        assertEquals("[1,2]", m.body().json());
        assertEquals("status", m.type());
        assertEquals("ci", m.channel());
        assertEquals(Priority.LOW, m.priority());
        assertEquals("k-1", m.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1} x", "nul", "{'a':1}", "[1,]"})
    void shouldRefuseBodiesThatAreNotOneJsonValue(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Message.json(json));
        assertTrue(e.getMessage().startsWith("body"), e.getMessage());
    }

    @Test
    void shouldRefuseOutOfRangeFields() {
        Message m = Message.text("x");
        assertThrows(IllegalArgumentException.class, () -> m.type(""));
        assertThrows(IllegalArgumentException.class, () -> m.channel("c".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> m.id("i".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> Message.json(null));
    }

    @Test
    void shouldFindTheTextOfAReceivedMessage() {
        assertEquals("hi", new ReceivedMessage("r", null, 1, "a", "main", "message", Priority.NORMAL, 0, null,
                "{\"n\":1,\"text\":\"hi\"}").text());
        assertNull(new ReceivedMessage("r", null, 1, "a", "main", "message", Priority.NORMAL, 0, null, "[1]").text());
        assertNull(new ReceivedMessage("r", null, 1, "a", "main", "message", Priority.NORMAL, 0, null,
                "{\"text\":5}").text());
    }

    @Test
    void shouldRefuseBadJoinOptions() {
        assertThrows(IllegalArgumentException.class, () -> JoinOptions.DEFAULT.weight(0));
        assertThrows(IllegalArgumentException.class, () -> JoinOptions.DEFAULT.since(-1));
        assertThrows(IllegalArgumentException.class, () -> JoinOptions.DEFAULT.role(""));
        assertEquals("epoch must be 1 to 64 characters, not 0",
                assertThrows(IllegalArgumentException.class, () -> JoinOptions.DEFAULT.epoch("")).getMessage());
        assertEquals("epoch must be 1 to 64 characters, not 65",
                assertThrows(IllegalArgumentException.class, () -> JoinOptions.DEFAULT.epoch("7".repeat(65))).getMessage());
        assertEquals("1795229216569025", JoinOptions.DEFAULT.epoch("1795229216569025").epoch());
        JoinOptions o = JoinOptions.DEFAULT.role("coder").weight(3).since(7).echo(false);
        assertEquals("coder", o.role());
        assertEquals(3, o.weight());
        assertEquals(7, o.since());
        assertEquals(false, o.echo());
    }
}
