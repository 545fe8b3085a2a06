package io.agentbus.protocol.codec;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Frame;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Ping;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.protocol.frame.VoteChoice;
import io.agentbus.protocol.frame.Welcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FrameRoundTripTest {
    private static final JsonValue BODY = new JsonValue("{\"text\":\"héllo \\\"x\\\"\",\"n\":[1,2.50,-3e7,true,null]}");

    private final FrameReader reader = new FrameReader();
    private final FrameWriter writer = new FrameWriter();

    static Stream<ClientFrame> clientFrames() {
        return Stream.of(
                new Hello("r1", "coder-1", "tok.en", 17),
                new Hello(null, "coder-1", null, Hello.NO_INBOX_SINCE),
                new Ping("p"),
                new Ping(null),
                new Join("1", "build-42", "coder", 3, 17, false),
                new Join(null, "build-42", Join.DEFAULT_ROLE, 1, Join.NO_SINCE, true),
                new Join("2", "build-42", Join.DEFAULT_ROLE, 1, 17, true, "1700000000123456"),
                new Leave("2", "build-42"),
                new Pub("3", "build-42", "main", "chat", Priority.HIGH, BODY, "idem-1"),
                new Pub(null, "r", "c", "t", Priority.LOW, new JsonValue("[]"), null),
                new Pub("s", "r", "c", "t", Priority.CRITICAL, new JsonValue("\"just a string\""), null),
                new Pub("n", "r", "c", "t", Priority.NORMAL, new JsonValue("12345678901234567890123"), null),
                new Pub("z", "r", "c", "t", Priority.NORMAL, JsonValue.NULL, null),
                new HistoryRequest("5", "build-42", 10, 1000),
                new Send("6", "reviewer-1", "review_request", Priority.HIGH, BODY, "k"),
                new Send(null, "reviewer-1", "message", Priority.NORMAL, new JsonValue("false"), null),
                new Propose("7", "room", "Use Postgres", DecisionRule.QUORUM, 3, 60_000),
                new Propose(null, "room", "t", DecisionRule.WEIGHTED, Propose.DEFAULT_QUORUM, Propose.NO_DEADLINE),
                new Vote("8", "room", "d-1", VoteChoice.VETO, "no way"),
                new Vote(null, "room", "d-1", VoteChoice.YES, null),
                new ArtifactUpload("9", "room", "report.txt", "text/plain", new byte[] {0, 1, 2, (byte) 255}),
                new ArtifactUpload(null, "room", "empty", ArtifactUpload.DEFAULT_CONTENT_TYPE, new byte[0]));
    }

    static Stream<ServerFrame> serverFrames() {
        Msg roomMsg = new Msg("build-42", null, 43, "coder-1", "main", "chat", Priority.NORMAL, 1_700_000_000_000L,
                BODY, null);
        Msg direct = new Msg(null, "reviewer-1", 7, "coder-1", "main", "review_request", Priority.HIGH, 5,
                new JsonValue("1.0"), "idem");
        return Stream.of(
                new Welcome("h", "coder-1", "sess-1", "agentbus/0.1.0", 15_000),
                new Welcome(null, "coder-1", "sess-1", "agentbus/0.1.0", 0),
                new Pong("p"),
                new Pong(null),
                new Ok("1", "build-42", 0, List.of(new Member("coder-1", "coder"), new Member("b", "participant")),
                        null, null),
                new Ok("3", "build-42", 43, null, null, null),
                new Ok("3", "build-42", 43, null, null, null, true),
                new Ok("4", "build-42", 43, null, null, null, false, "1700000000123456", false),
                new Ok("5", "build-42", 43, null, null, null, false, "1700000000123456", null),
                new Ok("6", null, 2, null, null, null, true),
                new Ok("7", null, Ok.NO_OFFSET, null, "d-1", null),
                new Ok("9", null, Ok.NO_OFFSET, List.of(), null, "ab12"),
                Ok.of(null),
                roomMsg,
                direct,
                new Presence("build-42", "coder-1", "coder", Presence.Event.JOINED),
                new Presence("build-42", "coder-1", "coder", Presence.Event.LEFT),
                new HistoryReply("5", "build-42", List.of(roomMsg, roomMsg), true),
                new HistoryReply(null, "build-42", List.of(), false),
                new DecisionUpdate("room", "d-1", "Use Postgres", DecisionRule.MAJORITY, DecisionStatus.OPEN, 2, 1, 0),
                new DecisionUpdate("room", "d-2", "t", DecisionRule.CONSENSUS, DecisionStatus.VETOED, 0, 0, 1),
                new Dropped("build-42", 10, 20),
                new ErrorFrame("x", ErrorCode.RATE_LIMITED, "slow down", 250),
                new ErrorFrame(null, ErrorCode.BAD_REQUEST, "field 'room' must be an id"));
    }

    @ParameterizedTest
    @MethodSource("clientFrames")
    void shouldRoundTripClientFrameThroughBytes(ClientFrame frame) throws ProtocolException {
        byte[] bytes = writer.toBytes(frame);
        assertEquals(frame, reader.readClient(bytes, 0, bytes.length));
    }

    @ParameterizedTest
    @MethodSource("clientFrames")
    void shouldRoundTripClientFrameThroughTextAndStream(ClientFrame frame) throws ProtocolException {
        String json = writer.toJson(frame);
        assertEquals(frame, reader.readClient(json));
        assertEquals(frame, reader.readClient(new ByteArrayInputStream(writer.toBytes(frame))));
    }

    @ParameterizedTest
    @MethodSource("clientFrames")
    void shouldRoundTripClientFrameAtOffset(ClientFrame frame) throws ProtocolException {
        byte[] bytes = writer.toBytes(frame);
        byte[] padded = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, padded, 5, bytes.length);
        padded[4] = '[';
        padded[bytes.length + 5] = ']';
        assertEquals(frame, reader.readClient(padded, 5, bytes.length));
    }

    @ParameterizedTest
    @MethodSource("serverFrames")
    void shouldRoundTripServerFrameThroughBytes(ServerFrame frame) throws ProtocolException {
        byte[] bytes = writer.toBytes(frame);
        assertEquals(frame, reader.readServer(bytes, 0, bytes.length));
    }

    @ParameterizedTest
    @MethodSource("serverFrames")
    void shouldRoundTripServerFrameThroughTextAndStream(ServerFrame frame) throws ProtocolException {
        assertEquals(frame, reader.readServer(writer.toJson(frame)));
        assertEquals(frame, reader.readServer(new ByteArrayInputStream(writer.toBytes(frame))));
    }

    @ParameterizedTest
    @MethodSource({"clientFrames", "serverFrames"})
    void shouldNeverWriteNull(Frame frame) {
        String json = writer.toJson(frame);
        assertFalse(json.replace("\"body\":null", "").contains("\":null"), json);
        assertEquals(json, new String(writer.toBytes(frame), StandardCharsets.UTF_8));
    }
}
