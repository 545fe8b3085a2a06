package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.VoteChoice;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {
    static Stream<RoomEvent> events() {
        return Stream.of(
                new RoomEvent.Joined("n1", 7, "s-1", "coder-1", "lead \"quoted\" é", 3),
                new RoomEvent.Left("n1/s-1", "coder-1", "lead", 3),
                new RoomEvent.Joined("n1", 7, "s-1", "coder-1", "lead", 3, 1_763_700_000_000_001L),
                new RoomEvent.Left("n1/s-1", "coder-1", "lead", 3, 1_763_700_000_000_001L),
                new RoomEvent.Proposed("n2", 9, "coder-2", "Ship\nit", DecisionRule.QUORUM, 2, 1_700_000_000_123L),
                new RoomEvent.Voted("n2", 10, "coder-3", "d-4", VoteChoice.VETO, 5),
                new RoomEvent.Expired("n3", "d-4"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void shouldCarryEveryKindOfEventThroughTheNodesChannelAndTheStream(RoomEvent event) {
        String payload = EventCodec.payload(event);

        ClusterEvent published = EventCodec.fromMessage("team 17-2 1795229216569025 12 4\n" + payload);
        ClusterEvent stored = EventCodec.entry("team", "17-2", "1795229216569025", "12", "4", payload);

        ClusterEvent expected = new ClusterEvent("team", new LogId(17, 2), "1795229216569025", 12, 4, event);
        assertEquals(expected, published);
        assertEquals(expected, stored);
    }

    @Test
    void shouldTellAnEventFromAMessageOnTheNodesChannel() {
        assertTrue(EventCodec.isEvent("team 17-2 1795229216569025 1 0\n[\"x\",\"n\",\"d-1\"]"));
        assertFalse(EventCodec.isEvent("team 17 1795229216569025\n[\"n\",1]\n{}"));
        assertFalse(EventCodec.isEvent("garbage"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "team 17-2 1 1\n[\"x\",\"n\",\"d-1\"]",
        "team 17-0 1 1 0\n[\"x\",\"n\",\"d-1\"]",
        "team 17-x 1 1 0\n[\"x\",\"n\",\"d-1\"]",
        "team 17-2 1 -1 0\n[\"x\",\"n\",\"d-1\"]",
        "team 17-2 1 one 0\n[\"x\",\"n\",\"d-1\"]",
        "team 17-2 1 1 0\n[\"q\",\"n\",\"d-1\"]",
        "team 17-2 1 1 0\n[\"x\",\"n\"]",
        "team 17-2 1 1 0\n[\"x\",\"n\",\"d-1\",\"more\"]",
        "team 17-2 1 1 0\n[\"l\",\"no-slash\",\"c\",\"r\",1]",
        "team 17-2 1 1 0\n[\"l\",\"n/s\",\"c\",\"r\",-1]",
        "team 17-2 1 1 0\n[\"p\",\"n\",1,\"c\",\"t\",\"plurality\",0,0]",
        "team 17-2 1 1 0\n[\"v\",\"n\",1,\"c\",\"d-1\",\"maybe\",1]",
        "team 17-2 1 1 0\n[\"j\",\"n\",\"1\",\"s\",\"c\",\"r\",1]",
        "team 17-2 1 1 0\n{\"j\":1}",
        "team 17-2 1 1 0\nnot json"})
    void shouldRefuseATextThatIsNotOneOfOurEvents(String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventCodec.fromMessage(message));

        assertTrue(e.getMessage().startsWith("not a cluster event") || e.getMessage().startsWith("a cluster event's")
                || e.getMessage().startsWith("not a stream id"), e.getMessage());
    }

    @Test
    void shouldOrderLogPositionsAsTheStreamDoes() {
        List<LogId> ids = Stream.of("3-0", "2-1", "2-0", "10-0", "2-10", "0-0").map(LogId::parse).sorted().toList();

        assertEquals("[0-0, 2-0, 2-1, 2-10, 3-0, 10-0]", ids.toString());
        assertThrows(IllegalArgumentException.class, () -> LogId.parse("12"));
        assertThrows(IllegalArgumentException.class, () -> LogId.parse("12-"));
        assertThrows(IllegalArgumentException.class, () -> LogId.parse("-1"));
    }
}
