package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Send;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboxCodecTest {
    @Test
    void shouldCarryEveryFieldOfADirectMessageThroughTheInboxesChannel() {
        Send send = new Send("r1", "reviewer-9", "review_request", Priority.HIGH,
                new JsonValue("{\"text\":\"line one\\nline two \\\"quoted\\\" é\"}"), "rr-1");
        String payload = InboxCodec.payload("node-a", 42, "lead-1", send, 1_700_000_000_123L);

        InboxNews news = InboxCodec.fromMessage("m reviewer-9 17 1795229216569025\n" + payload);

        assertEquals(new InboxEntry("reviewer-9", 17, "1795229216569025", "node-a", 42, "lead-1", "review_request",
                Priority.HIGH, 1_700_000_000_123L, "rr-1", send.body()), news);
        InboxEntry entry = (InboxEntry) news;
        assertEquals("main", entry.toMsg().channel());
        assertNull(entry.toMsg().room());
        assertEquals("reviewer-9", entry.toMsg().to());
    }

    @Test
    void shouldKeepAMissingMessageIdMissing() {
        Send send = new Send(null, "x", "message", Priority.NORMAL, new JsonValue("[1,2]"), null);

        InboxEntry e = InboxCodec.entry("x", 3, "1", InboxCodec.payload("n", 1, "c", send, 5));

        assertNull(e.id());
        assertEquals("[1,2]", e.body().json());
    }

    @Test
    void shouldCarryACursorMove() {
        assertEquals(new CursorMove("reviewer-9", 12), InboxCodec.fromMessage(InboxCodec.cursor("reviewer-9", 12)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello world", "c reviewer", "c reviewer x", "c reviewer -1", "c  5", "m reviewer 1",
            "m reviewer 1 2", "m reviewer x 2\n[\"n\",1,\"c\",\"t\",\"normal\",5,null]\n{}", "m  1 2\n[]\n{}",
            "m reviewer 1 2\n[\"n\",1]\n{}", "m reviewer 1 2\nnot json\n{}", "m reviewer 1 2\n{}",
            "m reviewer 1 2\n[\"n\",1,\"c\",\"t\",\"urgent\",5,null]\n{}",
            "m reviewer 1 2\n[\"n\",1,\"c\",\"t\",\"normal\",5,null,\"extra\"]\n{}",
            "m reviewer 1 2\n[null,1,\"c\",\"t\",\"normal\",5,null]\n{}",
            "m reviewer 1 2\n[\"n\",\"1\",\"c\",\"t\",\"normal\",5,null]\n{}"})
    void shouldRefuseATextThatIsNotOneOfOurInboxMessages(String text) {
        assertThrows(IllegalArgumentException.class, () -> InboxCodec.fromMessage(text));
    }

    @Test
    void shouldRefuseAStoredEntryWithoutPayload() {
        assertThrows(IllegalArgumentException.class, () -> InboxCodec.entry("x", 1, "e", null));
        assertThrows(IllegalArgumentException.class, () -> InboxCodec.entry("x", 1, "e", "no line break"));
    }

    @Test
    void shouldKeepTheIdKeysOfDifferentSendersAndIdsApart() {
        String one = ClusterDedup.key("@reviewer", "a:b", "c");
        String two = ClusterDedup.key("@reviewer", "a", "b:c");

        assertNotEquals(one, two);
        assertTrue(one.startsWith("agentbus:{@reviewer}:id:"), one);
        assertNotEquals(ClusterDedup.key("team", "a", "x"), ClusterDedup.key("@team", "a", "x"));
    }

    @Test
    void shouldTellADuplicateFromAnOrderedMessage() {
        assertTrue(ClusterDedup.isDuplicate(List.of("duplicate", 7L)));
        assertEquals(7, ClusterDedup.original(List.of("duplicate", 7L)));
        assertEquals(false, ClusterDedup.isDuplicate(List.of(7L, "1795229216569025")));
        assertEquals(false, ClusterDedup.isDuplicate(List.of()));
    }
}
