package io.agentbus.protocol.codec;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.ArtifactUpload;
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
import io.agentbus.protocol.frame.Vote;
import io.agentbus.protocol.frame.VoteChoice;
import io.agentbus.protocol.frame.Welcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The examples of PROTOCOL.md, parsed into the records they mean, and the defaults. */
class GoldenFrameTest {
    private static final JsonValue OBJ = new JsonValue("{\"k\":\"v\"}");

    private final FrameReader reader = new FrameReader();
    private final FrameWriter writer = new FrameWriter();

    static Stream<Arguments> clientExamples() {
        return Stream.of(
                arguments("{\"op\":\"hello\",\"client\":\"coder-1\",\"token\":\"abc\"}",
                        new Hello(null, "coder-1", "abc", Hello.NO_INBOX_SINCE)),
                arguments("{\"op\":\"hello\",\"client\":\"coder-1\",\"inbox_since\":12}",
                        new Hello(null, "coder-1", null, 12)),
                arguments("{\"op\":\"ping\",\"rid\":\"p1\"}", new Ping("p1")),
                arguments("{\"op\":\"join\",\"rid\":\"1\",\"room\":\"build-42\",\"role\":\"coder\",\"weight\":1,\"since\":17}",
                        new Join("1", "build-42", "coder", 1, 17, true)),
                arguments("{\"op\":\"join\",\"rid\":\"1\",\"room\":\"build-42\",\"since\":17,\"epoch\":\"1795229216569025\"}",
                        new Join("1", "build-42", Join.DEFAULT_ROLE, 1, 17, true, "1795229216569025")),
                arguments("{\"op\":\"join\",\"room\":\"build-42\",\"echo\":false}",
                        new Join(null, "build-42", "participant", 1, Join.NO_SINCE, false)),
                arguments("{\"op\":\"join\",\"room\":\"r\",\"since\":17,\"epoch\":\"1700000000123456\"}",
                        new Join(null, "r", "participant", 1, 17, true, "1700000000123456")),
                arguments("{\"op\":\"leave\",\"rid\":\"2\",\"room\":\"build-42\"}", new Leave("2", "build-42")),
                arguments("{\"op\":\"pub\",\"rid\":\"3\",\"room\":\"build-42\",\"channel\":\"main\",\"type\":\"chat\","
                        + "\"priority\":\"normal\",\"body\":{ \"k\" : \"v\" }}",
                        new Pub("3", "build-42", "main", "chat", Priority.NORMAL, OBJ, null)),
                arguments("{\"op\":\"pub\",\"room\":\"r\"}",
                        new Pub(null, "r", "main", "message", Priority.NORMAL, JsonValue.NULL, null)),
                arguments("{\"op\":\"history\",\"rid\":\"5\",\"room\":\"build-42\",\"since\":10,\"limit\":100}",
                        new HistoryRequest("5", "build-42", 10, 100)),
                arguments("{\"op\":\"history\",\"room\":\"build-42\"}", new HistoryRequest(null, "build-42", 0, 100)),
                arguments("{\"op\":\"send\",\"rid\":\"6\",\"to\":\"reviewer-1\",\"type\":\"review_request\","
                        + "\"priority\":\"high\",\"body\":{\"k\":\"v\"}}",
                        new Send("6", "reviewer-1", "review_request", Priority.HIGH, OBJ, null)),
                arguments("{\"op\":\"send\",\"to\":\"reviewer-1\"}",
                        new Send(null, "reviewer-1", "message", Priority.NORMAL, JsonValue.NULL, null)),
                arguments("{\"op\":\"propose\",\"rid\":\"7\",\"room\":\"r\",\"title\":\"Use Postgres\",\"rule\":\"quorum\","
                        + "\"quorum\":3,\"deadline_ms\":60000}",
                        new Propose("7", "r", "Use Postgres", DecisionRule.QUORUM, 3, 60000)),
                arguments("{\"op\":\"propose\",\"room\":\"r\",\"title\":\"t\",\"rule\":\"consensus\"}",
                        new Propose(null, "r", "t", DecisionRule.CONSENSUS, Propose.DEFAULT_QUORUM, Propose.NO_DEADLINE)),
                arguments("{\"op\":\"vote\",\"rid\":\"8\",\"room\":\"r\",\"decision\":\"d-1\",\"choice\":\"yes\",\"comment\":\"ok\"}",
                        new Vote("8", "r", "d-1", VoteChoice.YES, "ok")),
                arguments("{\"op\":\"artifact\",\"room\":\"r\",\"name\":\"a.txt\",\"data\":\"aGk=\"}",
                        new ArtifactUpload(null, "r", "a.txt", "application/octet-stream", new byte[] {'h', 'i'})),
                arguments("{\"unknown\":{\"deep\":[1,2,{\"x\":null}]},\"op\":\"ping\",\"also\":7.5}", new Ping(null)),
                arguments("{\"op\":\"ping\",\"rid\":null}", new Ping(null)),
                arguments("{\"rid\":\"a\",\"op\":\"ping\",\"rid\":\"b\"}", new Ping("b")));
    }

    static Stream<Arguments> serverExamples() {
        Msg msg = new Msg("build-42", null, 43, "coder-1", "main", "chat", Priority.NORMAL, 1700000000000L, OBJ, null);
        return Stream.of(
                arguments("{\"op\":\"welcome\",\"client\":\"coder-1\",\"session\":\"s\",\"server\":\"agentbus/0.1\","
                        + "\"heartbeat_ms\":15000}", new Welcome(null, "coder-1", "s", "agentbus/0.1", 15000)),
                arguments("{\"op\":\"pong\",\"rid\":\"p\"}", new Pong("p")),
                arguments("{\"op\":\"ok\",\"rid\":\"1\",\"room\":\"build-42\",\"offset\":0,"
                        + "\"members\":[{\"client\":\"a\",\"role\":\"coder\"}]}",
                        new Ok("1", "build-42", 0, List.of(new Member("a", "coder")), null, null)),
                arguments("{\"op\":\"ok\",\"rid\":\"3\",\"room\":\"build-42\",\"offset\":43}",
                        new Ok("3", "build-42", 43, null, null, null)),
                arguments("{\"op\":\"ok\",\"rid\":\"7\",\"decision\":\"d-1\"}", new Ok("7", null, -1, null, "d-1", null)),
                arguments("{\"op\":\"ok\",\"rid\":\"3\",\"room\":\"build-42\",\"offset\":43,\"duplicate\":true}",
                        new Ok("3", "build-42", 43, null, null, null, true)),
                arguments("{\"op\":\"ok\",\"rid\":\"3\",\"room\":\"build-42\",\"offset\":43,\"duplicate\":false}",
                        new Ok("3", "build-42", 43, null, null, null)),
                arguments("{\"op\":\"ok\",\"rid\":\"1\",\"room\":\"r\",\"offset\":43,\"epoch\":\"e2\",\"recovered\":false}",
                        new Ok("1", "r", 43, null, null, null, false, "e2", false)),
                arguments("{\"op\":\"ok\",\"rid\":\"1\",\"room\":\"r\",\"offset\":43,\"epoch\":\"e1\",\"recovered\":true}",
                        new Ok("1", "r", 43, null, null, null, false, "e1", true)),
                arguments("{\"op\":\"ok\",\"rid\":\"1\",\"room\":\"build-42\",\"offset\":43,\"members\":[],"
                        + "\"epoch\":\"1795229216569025\",\"recovered\":false}",
                        new Ok("1", "build-42", 43, List.of(), null, null, false, "1795229216569025", false)),
                arguments("{\"op\":\"msg\",\"room\":\"build-42\",\"offset\":43,\"from\":\"coder-1\",\"channel\":\"main\","
                        + "\"type\":\"chat\",\"priority\":\"normal\",\"ts\":1700000000000,\"body\":{\"k\":\"v\"}}", msg),
                arguments("{\"op\":\"presence\",\"room\":\"r\",\"client\":\"c\",\"role\":\"coder\",\"event\":\"left\"}",
                        new Presence("r", "c", "coder", Presence.Event.LEFT)),
                arguments("{\"op\":\"history\",\"rid\":\"5\",\"room\":\"build-42\",\"messages\":[{\"op\":\"msg\","
                        + "\"room\":\"build-42\",\"offset\":43,\"from\":\"coder-1\",\"channel\":\"main\",\"type\":\"chat\","
                        + "\"priority\":\"normal\",\"ts\":1700000000000,\"body\":{\"k\":\"v\"}}],\"more\":false}",
                        new HistoryReply("5", "build-42", List.of(msg), false)),
                arguments("{\"op\":\"decision\",\"room\":\"r\",\"decision\":\"d-1\",\"title\":\"t\",\"rule\":\"majority\","
                        + "\"status\":\"approved\",\"tally\":{\"yes\":3,\"no\":1,\"veto\":0}}",
                        new DecisionUpdate("r", "d-1", "t", DecisionRule.MAJORITY, DecisionStatus.APPROVED, 3, 1, 0)),
                arguments("{\"op\":\"dropped\",\"room\":\"r\",\"from_offset\":5,\"to_offset\":9}", new Dropped("r", 5, 9)),
                arguments("{\"op\":\"error\",\"rid\":\"x\",\"code\":\"rate_limited\",\"message\":\"m\",\"retry_after_ms\":100}",
                        new ErrorFrame("x", ErrorCode.RATE_LIMITED, "m", 100)));
    }

    @ParameterizedTest
    @MethodSource("clientExamples")
    void shouldParseClientExample(String json, Frame expected) throws ProtocolException {
        assertEquals(expected, reader.readClient(json));
    }

    @ParameterizedTest
    @MethodSource("serverExamples")
    void shouldParseServerExample(String json, Frame expected) throws ProtocolException {
        assertEquals(expected, reader.readServer(json));
    }

    @Test
    void shouldWriteMsgKeysInProtocolOrderWithBodyLast() {
        Msg msg = new Msg("build-42", null, 43, "coder-1", "main", "chat", Priority.NORMAL, 5, OBJ, "i");
        assertEquals("{\"op\":\"msg\",\"room\":\"build-42\",\"offset\":43,\"from\":\"coder-1\",\"channel\":\"main\","
                + "\"type\":\"chat\",\"priority\":\"normal\",\"ts\":5,\"id\":\"i\",\"body\":{\"k\":\"v\"}}", writer.toJson(msg));
    }

    @Test
    void shouldWriteDirectMsgWithToAndNoRoom() {
        Msg msg = new Msg(null, "reviewer-1", 1, "coder-1", "main", "t", Priority.LOW, 5, JsonValue.NULL, null);
        assertEquals("{\"op\":\"msg\",\"to\":\"reviewer-1\",\"offset\":1,\"from\":\"coder-1\",\"channel\":\"main\","
                + "\"type\":\"t\",\"priority\":\"low\",\"ts\":5,\"body\":null}", writer.toJson(msg));
    }

    @Test
    void shouldWriteDuplicateOnlyWhenTrue() {
        assertEquals("{\"op\":\"ok\",\"rid\":\"3\",\"room\":\"build-42\",\"offset\":43,\"duplicate\":true}",
                writer.toJson(new Ok("3", "build-42", 43, null, null, null, true)));
        assertEquals("{\"op\":\"ok\",\"rid\":\"6\",\"offset\":2}",
                writer.toJson(new Ok("6", null, 2, null, null, null, false)));
    }

    @Test
    void shouldOmitAbsentOkFieldsAndRetryAfter() {
        assertEquals("{\"op\":\"ok\",\"rid\":\"1\"}", writer.toJson(Ok.of("1")));
        assertEquals("{\"op\":\"ok\"}", writer.toJson(Ok.of(null)));
        assertEquals("{\"op\":\"error\",\"code\":\"not_found\",\"message\":\"m\"}",
                writer.toJson(new ErrorFrame(null, ErrorCode.NOT_FOUND, "m")));
    }

    @Test
    void shouldWriteArtifactDataAsStandardBase64() {
        ArtifactUpload upload = new ArtifactUpload("1", "r", "a", "text/plain", new byte[] {(byte) 0xfb, (byte) 0xff});
        assertEquals("{\"op\":\"artifact\",\"rid\":\"1\",\"room\":\"r\",\"name\":\"a\",\"content_type\":\"text/plain\","
                + "\"data\":\"+/8=\"}", writer.toJson(upload));
    }

    @Test
    void shouldKeepBodyNumbersAndStringsExactly() throws ProtocolException {
        String body = "{\"a\":1.10,\"b\":1e400,\"c\":-0,\"d\":123456789012345678901234567890,\"e\":\"\\u0000\\n\\\"\",\"f\":[]}";
        Pub pub = (Pub) reader.readClient("{\"op\":\"pub\",\"room\":\"r\",\"body\": " + body + " }");
        assertEquals(body, pub.body().json());
    }

    @Test
    void shouldCompactWhitespaceInBody() throws ProtocolException {
        Pub pub = (Pub) reader.readClient("{\"op\":\"pub\",\"room\":\"r\",\"body\":[ 1 ,\n {\"x\" : [ ] } ]}");
        assertEquals("[1,{\"x\":[]}]", pub.body().json());
    }

    @Test
    void shouldWriteHistoryReplyFromEncodedMessages() throws Exception {
        Msg a = new Msg("r", null, 1, "c", "main", "t", Priority.NORMAL, 5, OBJ, null);
        Msg b = new Msg("r", null, 2, "c", "main", "t", Priority.HIGH, 6, new JsonValue("[1]"), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeHistoryReply("5", "r", List.of(writer.toBytes(a), writer.toBytes(b)), true, out);
        HistoryReply expected = new HistoryReply("5", "r", List.of(a, b), true);
        assertEquals(writer.toJson(expected), out.toString(StandardCharsets.UTF_8));
        assertEquals(expected, reader.readServer(out.toByteArray(), 0, out.size()));
    }

    @Test
    void shouldWriteEmptyHistoryReplyWithoutRid() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeHistoryReply(null, "r", List.of(), false, out);
        assertEquals("{\"op\":\"history\",\"room\":\"r\",\"messages\":[],\"more\":false}",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadPubBodyWithRoomFromUrl() throws ProtocolException {
        byte[] body = "{\"channel\":\"ci\",\"type\":\"build\",\"priority\":\"low\",\"body\":[true],\"id\":\"k1\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(new Pub(null, "build-42", "ci", "build", Priority.LOW, new JsonValue("[true]"), "k1"),
                reader.readPubBody(body, 0, body.length, "build-42"));
    }

    @Test
    void shouldApplyDefaultsToEmptyPubBody() throws ProtocolException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(new Pub(null, "r", "main", "message", Priority.NORMAL, JsonValue.NULL, null),
                reader.readPubBody(body, 0, body.length, "r"));
    }
}
