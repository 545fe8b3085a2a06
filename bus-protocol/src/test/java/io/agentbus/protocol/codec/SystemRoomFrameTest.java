package io.agentbus.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Msg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** System rooms ({@code $sys.stats}): joined, left and read by clients, never written. */
class SystemRoomFrameTest {
    private final FrameReader reader = new FrameReader();

    @Test
    void shouldTellSystemIdsFromOthers() {
        assertTrue(Ids.isSystem("$sys.stats"));
        assertTrue(Ids.isValidOrSystem("$sys.stats"));
        assertTrue(Ids.isValidOrSystem("build-42"));
        assertFalse(Ids.isSystem("build-42"));
        assertFalse(Ids.isSystem("$"));
        assertFalse(Ids.isSystem("$$sys"));
        assertFalse(Ids.isSystem("$.sys"));
        assertFalse(Ids.isSystem("$" + "a".repeat(Ids.MAX_LENGTH)));
        assertFalse(Ids.isValid("$sys.stats"), "no client can have one");
    }

    @Test
    void shouldReadJoinLeaveAndHistoryOfASystemRoom() throws ProtocolException {
        assertEquals("$sys.stats", assertInstanceOf(Join.class,
                reader.readClient("{\"op\":\"join\",\"room\":\"$sys.stats\",\"since\":0}")).room());
        assertEquals("$sys.stats", assertInstanceOf(Leave.class,
                reader.readClient("{\"op\":\"leave\",\"room\":\"$sys.stats\"}")).room());
        assertEquals("$sys.stats", assertInstanceOf(HistoryRequest.class,
                reader.readClient("{\"op\":\"history\",\"room\":\"$sys.stats\"}")).room());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"op\":\"pub\",\"rid\":\"r\",\"room\":\"$sys.stats\"}",
        "{\"op\":\"propose\",\"rid\":\"r\",\"room\":\"$sys.stats\",\"title\":\"t\",\"rule\":\"majority\"}",
        "{\"op\":\"vote\",\"rid\":\"r\",\"room\":\"$sys.stats\",\"decision\":\"d-1\",\"choice\":\"yes\"}",
        "{\"op\":\"artifact\",\"rid\":\"r\",\"room\":\"$sys.stats\",\"name\":\"a\",\"data\":\"\"}",
        "{\"op\":\"send\",\"rid\":\"r\",\"to\":\"$sys\"}",
        "{\"op\":\"hello\",\"rid\":\"r\",\"client\":\"$sys\"}"})
    void shouldRefuseWritingIntoASystemRoomOrUsingASystemIdAsAClient(String frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.readClient(frame));

        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains("must be an id matching"), e.getMessage());
    }

    @Test
    void shouldReadTheServersMessagesInASystemRoom() throws ProtocolException {
        Msg msg = assertInstanceOf(Msg.class, reader.readServer("{\"op\":\"msg\",\"room\":\"$sys.stats\",\"offset\":"
                + "1795214065,\"from\":\"$sys\",\"channel\":\"main\",\"type\":\"stats\",\"priority\":\"low\","
                + "\"ts\":1795214065000,\"body\":{\"connections\":2}}"));

        assertEquals("$sys.stats", msg.room());
        assertEquals("$sys", msg.from());
    }
}
