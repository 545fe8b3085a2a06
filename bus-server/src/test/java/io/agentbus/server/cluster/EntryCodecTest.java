package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Pub;
import org.junit.jupiter.api.Test;

class EntryCodecTest {
    @Test
    void shouldCarryEveryFieldOfAMessageThroughTheNodesChannel() {
        Pub pub = new Pub("r1", "team", "ops", "status", Priority.HIGH,
                new JsonValue("{\"text\":\"line one\\nline two \\\"quoted\\\" é\"}"), "msg-7");
        String payload = EntryCodec.payload("node-a", 42, "coder-1", pub, 1_700_000_000_123L);

        ClusterEntry e = EntryCodec.fromMessage("team 17 1795229216569025\n" + payload);

        assertEquals(new ClusterEntry("team", 17, "1795229216569025", "node-a", 42, "coder-1", "ops", "status",
                Priority.HIGH, 1_700_000_000_123L, "msg-7", pub.body()), e);
    }

    @Test
    void shouldKeepAMissingMessageIdMissing() {
        Pub pub = new Pub("r1", "team", "main", "message", Priority.NORMAL, new JsonValue("[1,2]"), null);

        ClusterEntry e = EntryCodec.entry("team", 3, "1", EntryCodec.payload("n", 1, "c", pub, 5));

        assertNull(e.id());
        assertEquals("[1,2]", e.body().json());
    }

    @Test
    void shouldRefuseATextThatIsNotOneOfOurMessages() {
        assertThrows(IllegalArgumentException.class, () -> EntryCodec.fromMessage("hello world"));
        assertThrows(IllegalArgumentException.class, () -> EntryCodec.fromMessage("team 1 2\n[\"n\",1]\n{}"));
    }
}
