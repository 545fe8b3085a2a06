package io.agentbus.protocol.codec;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.Ping;
import io.agentbus.protocol.frame.Pub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MalformedFrameTest {
    private static final String ID_RULE = "field 'room' must be an id matching [A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private final FrameReader reader = new FrameReader();

    /** A frame with one bad field, as JSON with single quotes for readability, and the expected message. */
    static Stream<Arguments> badClientFrames() {
        return Stream.of(
                arguments("{'rid':'r'}", "missing field: op"),
                arguments("{'op':7,'rid':'r'}", "field 'op' must be a string"),
                arguments("{'op':['ping'],'rid':'r'}", "field 'op' must be a string"),
                arguments("{'op':'shout','rid':'r'}", "unknown op: shout"),
                arguments("{'op':'welcome','rid':'r'}", "unknown op: welcome"),
                arguments("{'op':'hello','rid':'r'}", "missing field: client"),
                arguments("{'op':'hello','rid':'r','client':'c','token':5}", "field 'token' must be a string"),
                arguments("{'op':'hello','rid':'r','client':'c','inbox_since':-1}", "field 'inbox_since'"),
                arguments("{'op':'hello','rid':'r','client':'c','inbox_since':'5'}", "field 'inbox_since'"),
                arguments("{'op':'join','rid':'r'}", "missing field: room"),
                arguments("{'op':'join','rid':'r','room':5}", ID_RULE),
                arguments("{'op':'join','rid':'r','room':{}}", ID_RULE),
                arguments("{'op':'join','rid':'r','room':'r','role':''}", "field 'role' must be a non-empty string"),
                arguments("{'op':'join','rid':'r','room':'r','role':'" + "x".repeat(65) + "'}", "field 'role'"),
                arguments("{'op':'join','rid':'r','room':'r','role':3}", "field 'role'"),
                arguments("{'op':'join','rid':'r','room':'r','weight':0}", "field 'weight' must be an integer in 1..1000000"),
                arguments("{'op':'join','rid':'r','room':'r','weight':1000001}", "field 'weight'"),
                arguments("{'op':'join','rid':'r','room':'r','weight':1.5}", "field 'weight'"),
                arguments("{'op':'join','rid':'r','room':'r','weight':'1'}", "field 'weight'"),
                arguments("{'op':'join','rid':'r','room':'r','since':-1}", "field 'since' must be a non-negative integer"),
                arguments("{'op':'join','rid':'r','room':'r','since':1.5}", "field 'since' must be a non-negative integer"),
                arguments("{'op':'join','rid':'r','room':'r','since':1e400}", "field 'since' must be a non-negative integer"),
                arguments("{'op':'join','rid':'r','room':'r','since':99999999999999999999999}", "field 'since'"),
                arguments("{'op':'join','rid':'r','room':'r','since':9223372036854775808}", "field 'since'"),
                arguments("{'op':'join','rid':'r','room':'r','since':true}", "field 'since'"),
                arguments("{'op':'join','rid':'r','room':'r','echo':'false'}", "field 'echo' must be a boolean"),
                arguments("{'op':'join','rid':'r','room':'r','echo':0}", "field 'echo' must be a boolean"),
                arguments("{'op':'join','rid':'r','room':'r','epoch':7}", "field 'epoch' must be a non-empty string"),
                arguments("{'op':'join','rid':'r','room':'r','epoch':''}", "field 'epoch' must be a non-empty string"),
                arguments("{'op':'join','rid':'r','room':'r','epoch':'" + "1".repeat(65) + "'}", "field 'epoch'"),
                arguments("{'op':'leave','rid':'r','room':''}", ID_RULE),
                arguments("{'op':'pub','rid':'r'}", "missing field: room"),
                arguments("{'op':'pub','rid':'r','room':'r','channel':''}", "field 'channel'"),
                arguments("{'op':'pub','rid':'r','room':'r','channel':1}", "field 'channel'"),
                arguments("{'op':'pub','rid':'r','room':'r','type':[]}", "field 'type'"),
                arguments("{'op':'pub','rid':'r','room':'r','priority':'urgent'}",
                        "field 'priority' must be one of critical, high, normal, low"),
                arguments("{'op':'pub','rid':'r','room':'r','priority':'NORMAL'}", "field 'priority'"),
                arguments("{'op':'pub','rid':'r','room':'r','priority':1}", "field 'priority'"),
                arguments("{'op':'pub','rid':'r','room':'r','id':''}", "field 'id'"),
                arguments("{'op':'history','rid':'r','room':'r','limit':0}", "field 'limit' must be an integer in 1..1000"),
                arguments("{'op':'history','rid':'r','room':'r','limit':1001}", "field 'limit' must be an integer in 1..1000"),
                arguments("{'op':'history','rid':'r','room':'r','limit':10.0}", "field 'limit'"),
                arguments("{'op':'history','rid':'r','room':'r','since':'0'}", "field 'since'"),
                arguments("{'op':'send','rid':'r'}", "missing field: to"),
                arguments("{'op':'send','rid':'r','to':'a b'}", "field 'to' must be an id"),
                arguments("{'op':'send','rid':'r','to':'a','priority':'meh'}", "field 'priority'"),
                arguments("{'op':'propose','rid':'r','room':'r','rule':'majority'}", "missing field: title"),
                arguments("{'op':'propose','rid':'r','room':'r','title':'','rule':'majority'}",
                        "field 'title' must be a non-empty string"),
                arguments("{'op':'propose','rid':'r','room':'r','title':'t'}", "missing field: rule"),
                arguments("{'op':'propose','rid':'r','room':'r','title':'t','rule':'dictator'}",
                        "field 'rule' must be one of majority, consensus, quorum, weighted"),
                arguments("{'op':'propose','rid':'r','room':'r','title':'t','rule':'quorum','quorum':0}",
                        "field 'quorum' must be a positive integer"),
                arguments("{'op':'propose','rid':'r','room':'r','title':'t','rule':'quorum','quorum':3000000000}",
                        "field 'quorum'"),
                arguments("{'op':'propose','rid':'r','room':'r','title':'t','rule':'majority','deadline_ms':0}",
                        "field 'deadline_ms' must be a positive integer"),
                arguments("{'op':'propose','rid':'r','room':'r','title':'t','rule':'majority','deadline_ms':'1'}",
                        "field 'deadline_ms'"),
                arguments("{'op':'vote','rid':'r','room':'r','choice':'yes'}", "missing field: decision"),
                arguments("{'op':'vote','rid':'r','room':'r','decision':'d','choice':'maybe'}",
                        "field 'choice' must be one of yes, no, veto"),
                arguments("{'op':'vote','rid':'r','room':'r','decision':'d'}", "missing field: choice"),
                arguments("{'op':'vote','rid':'r','room':'r','decision':'d','choice':'no','comment':{}}",
                        "field 'comment' must be a string"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a'}", "missing field: data"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a','data':'not base64!'}", "field 'data'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a','data':'a'}", "field 'data'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a','data':'aG k='}", "field 'data'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a','data':'aG-_'}", "field 'data'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a','data':5}", "field 'data'"),
                arguments("{'op':'artifact','rid':'r','room':'r','data':'aGk='}", "missing field: name"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'../etc/passwd','data':'aGk='}", "field 'name'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a\\\\b','data':'aGk='}", "field 'name'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a\\u0000b','data':'aGk='}", "field 'name'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'..','data':'aGk='}", "field 'name'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'" + "n".repeat(256) + "','data':'aGk='}",
                        "field 'name'"),
                arguments("{'op':'artifact','rid':'r','room':'r','name':'a','content_type':'','data':'aGk='}",
                        "field 'content_type'"));
    }

    @ParameterizedTest
    @MethodSource("badClientFrames")
    void shouldRejectBadFieldNamingItAndCarryRid(String singleQuoted, String expectedMessage) {
        ProtocolException e = readClientFails(singleQuoted.replace('\'', '"'));
        assertTrue(e.getMessage().contains(expectedMessage), e.getMessage());
        assertEquals("r", e.rid());
    }

    @ParameterizedTest
    @MethodSource("badClientFrames")
    void shouldCarryRidWhenItComesLast(String singleQuoted, String expectedMessage) {
        String json = singleQuoted.replace('\'', '"').replace("\"rid\":\"r\"", "\"rid\":\"x\"");
        String moved = json.substring(0, json.length() - 1) + ",\"rid\":\"last\"}";
        assertEquals("last", readClientFails(moved).rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-abc", ".abc", "a/b", "a b", "caf\u00e9", "\u0662", "a\u0000", "a\\b", "a@b"})
    void shouldRejectInvalidRoomIds(String room) {
        String json = "{\"op\":\"leave\",\"rid\":\"r\",\"room\":\"" + room.replace("\\", "\\\\").replace("\u0000", "\\u0000") + "\"}";
        ProtocolException e = readClientFails(json);
        assertEquals(ID_RULE, e.getMessage());
        assertEquals("r", e.rid());
    }

    @Test
    void shouldAcceptLongestIdAndRejectOneLonger() throws ProtocolException {
        String longest = "a" + "b.c_d:e-".repeat(15) + "1234567";
        assertEquals(128, longest.length());
        reader.readClient("{\"op\":\"leave\",\"room\":\"" + longest + "\"}");
        assertEquals(ID_RULE, readClientFails("{\"op\":\"leave\",\"room\":\"" + longest + "x\"}").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-coder", "coder 1", "coder/1", "c\u00f6der"})
    void shouldRejectInvalidClientIds(String client) {
        ProtocolException e = readClientFails("{\"op\":\"hello\",\"client\":\"" + client + "\"}");
        assertTrue(e.getMessage().startsWith("field 'client' must be an id"), e.getMessage());
    }

    @Test
    void shouldRejectRidLongerThan64Chars() throws ProtocolException {
        String rid = "r".repeat(64);
        assertEquals(rid, ((Ping) reader.readClient("{\"op\":\"ping\",\"rid\":\"" + rid + "\"}")).rid());
        ProtocolException e = readClientFails("{\"op\":\"ping\",\"rid\":\"" + rid + "x\"}");
        assertEquals("field 'rid' must be a string of at most 64 chars", e.getMessage());
        assertNull(e.rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "{}", "[\"r\"]", "1.5"})
    void shouldRejectNonStringRid(String rid) {
        ProtocolException e = readClientFails("{\"op\":\"ping\",\"rid\":" + rid + "}");
        assertTrue(e.getMessage().contains("field 'rid'"), e.getMessage());
        assertNull(e.rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"op\":\"ping\"", "{\"op\":\"pi", "{\"op\":", "{\"op\"}", "{op:\"ping\"}",
            "{'op':'ping'}", "{\"op\":\"ping\",}", "[]", "[{\"op\":\"ping\"}]", "\"ping\"", "null", "42",
            "{\"op\":\"ping\"} x", "{\"op\":\"ping\"}{}", "{\"op\":\"ping\"}]", "{\"op\":\"ping\"} // c",
            "{\"op\":\"ping\",\"rid\":\"\\x\"}", "{\"op\":\"ping\",\"n\":01}", "{\"op\":\"ping\",\"n\":NaN}"})
    void shouldRejectMalformedJson(String json) {
        ProtocolException e = readClientFails(json);
        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void shouldCarryRidOfTruncatedFrame() {
        assertEquals("7", readClientFails("{\"rid\":\"7\",\"op\":\"pub\",\"room\":\"r\",\"body\":{\"a\":[1,").rid());
    }

    @Test
    void shouldNotDumpLongInputIntoMessage() {
        ProtocolException e = readClientFails("{\"op\":\"ping\"} " + "garbage".repeat(10_000));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void shouldTruncateLongUnknownOp() {
        ProtocolException e = readClientFails("{\"op\":\"" + "x".repeat(10_000) + "\"}");
        assertTrue(e.getMessage().startsWith("unknown op: xxx"), e.getMessage());
        assertTrue(e.getMessage().length() < 100, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":"})
    void shouldRejectDeepNestingInBody(String opener) {
        String json = "{\"rid\":\"d\",\"op\":\"pub\",\"room\":\"r\",\"body\":" + opener.repeat(10_000);
        ProtocolException e = readClientFails(json);
        assertEquals("nesting deeper than 64", e.getMessage());
        assertEquals("d", e.rid());
    }

    @Test
    void shouldRejectDeepNestingInUnknownField() {
        ProtocolException e = readClientFails("{\"op\":\"ping\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}");
        assertEquals("nesting deeper than 64", e.getMessage());
    }

    @Test
    void shouldAcceptNestingUpToTheLimit() throws ProtocolException {
        int bodyDepth = FrameReader.DEFAULT_MAX_NESTING_DEPTH - 1;
        String body = "[".repeat(bodyDepth) + "]".repeat(bodyDepth);
        Pub pub = (Pub) reader.readClient("{\"op\":\"pub\",\"room\":\"r\",\"body\":" + body + "}");
        assertEquals(body, pub.body().json());
        assertEquals("nesting deeper than 64",
                readClientFails("{\"op\":\"pub\",\"room\":\"r\",\"body\":[" + body + "]}").getMessage());
    }

    @Test
    void shouldHonourConfiguredNestingDepth() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new FrameReader(4).readClient("{\"op\":\"pub\",\"room\":\"r\",\"body\":[[[[]]]]}"));
        assertEquals("nesting deeper than 4", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void shouldRejectInvalidUtf8(byte[] bytes) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.readClient(bytes, 0, bytes.length));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }

    static Stream<byte[]> invalidUtf8() {
        return Stream.of(
                withRoomBytes(new byte[] {(byte) 0xff}),
                withRoomBytes(new byte[] {(byte) 0xc3}),
                withRoomBytes(new byte[] {(byte) 0xe2, (byte) 0x82}),
                withRoomBytes(new byte[] {(byte) 0x80}));
    }

    private static byte[] withRoomBytes(byte[] bad) {
        byte[] head = "{\"op\":\"leave\",\"room\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    @Test
    void shouldRejectMalformedInputStream() {
        byte[] bytes = "{\"op\":\"ping\",\"rid\":\"s\"".getBytes(StandardCharsets.UTF_8);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> reader.readClient(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
        assertEquals("s", e.rid());
    }

    @Test
    void shouldReportFirstFaultButStillFindRid() {
        ProtocolException e = readClientFails("{\"op\":\"join\",\"room\":\"-x\",\"weight\":0,\"rid\":\"q\"}");
        assertEquals(ID_RULE, e.getMessage());
        assertEquals("q", e.rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"priority\":\"urgent\"}", "{\"channel\":\"\"}", "{\"body\":[}", "[]", ""})
    void shouldRejectBadPubBody(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.readPubBody(bytes, 0, bytes.length, "r"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertNull(e.rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-r", "a/b", "r r"})
    void shouldRejectPubBodyForInvalidRoom(String room) {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.readPubBody(bytes, 0, bytes.length, room));
        assertEquals(ID_RULE, e.getMessage());
    }

    static Stream<Arguments> badServerFrames() {
        return Stream.of(
                arguments("{'op':'hello','rid':'r'}", "unknown op: hello"),
                arguments("{'op':'welcome','rid':'r','client':'c','session':'s','server':'v'}", "missing field: heartbeat_ms"),
                arguments("{'op':'ok','rid':'r','offset':1.5}", "field 'offset'"),
                arguments("{'op':'ok','rid':'r','offset':1,'duplicate':'yes'}", "field 'duplicate' must be a boolean"),
                arguments("{'op':'ok','rid':'r','offset':1,'duplicate':1}", "field 'duplicate' must be a boolean"),
                arguments("{'op':'ok','rid':'r','offset':1,'recovered':'yes'}", "field 'recovered' must be a boolean"),
                arguments("{'op':'ok','rid':'r','offset':1,'epoch':5}", "field 'epoch' must be a string"),
                arguments("{'op':'ok','rid':'r','members':{}}", "field 'members' must be an array of objects"),
                arguments("{'op':'ok','rid':'r','members':[1]}", "field 'members' must be an array of objects"),
                arguments("{'op':'ok','rid':'r','members':[{'client':'-'}]}", "members: field 'client'"),
                arguments("{'op':'msg','offset':1,'from':'c','ts':1}", "missing field: room or to"),
                arguments("{'op':'msg','room':'r','from':'c','ts':1}", "missing field: offset"),
                arguments("{'op':'msg','room':'r','offset':1,'from':'c','ts':1,'priority':'x'}", "field 'priority'"),
                arguments("{'op':'presence','room':'r','client':'c','role':'x','event':'came'}", "field 'event'"),
                arguments("{'op':'history','rid':'r','room':'r','messages':[{'op':'msg'}]}", "messages: missing field"),
                arguments("{'op':'history','rid':'r','room':'r','more':'yes'}", "field 'more'"),
                arguments("{'op':'decision','room':'r','decision':'d','title':'t','rule':'majority','status':'won',"
                        + "'tally':{}}", "field 'status'"),
                arguments("{'op':'decision','room':'r','decision':'d','title':'t','rule':'majority','status':'open'}",
                        "missing field: tally"),
                arguments("{'op':'decision','room':'r','decision':'d','title':'t','rule':'majority','status':'open',"
                        + "'tally':{'yes':-1}}", "tally: field 'yes'"),
                arguments("{'op':'dropped','room':'r','from_offset':1}", "missing field: to_offset"),
                arguments("{'op':'error','rid':'r','code':'oops','message':'m'}", "field 'code'"),
                arguments("{'op':'error','rid':'r','code':'internal','message':'m','retry_after_ms':1e3}",
                        "field 'retry_after_ms'"));
    }

    @ParameterizedTest
    @MethodSource("badServerFrames")
    void shouldRejectBadServerFrame(String singleQuoted, String expectedMessage) {
        String json = singleQuoted.replace('\'', '"');
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.readServer(json));
        assertTrue(e.getMessage().contains(expectedMessage), e.getMessage());
    }

    @Test
    void shouldRejectNonBooleanDuplicateAsBadRequestCarryingRid() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> reader.readServer("{\"op\":\"ok\",\"rid\":\"r\",\"offset\":1,\"duplicate\":\"true\"}"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("r", e.rid());
        assertEquals("field 'duplicate' must be a boolean", e.getMessage());
    }

    private ProtocolException readClientFails(String json) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.readClient(json));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ProtocolException fromBytes = assertThrows(ProtocolException.class, () -> reader.readClient(bytes, 0, bytes.length));
        if (!e.getMessage().startsWith("malformed JSON: ")) {
            assertEquals(e.getMessage(), fromBytes.getMessage());
        }
        assertEquals(e.getMessage().substring(0, 10), fromBytes.getMessage().substring(0, 10));
        assertEquals(e.rid(), fromBytes.rid());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"op\":\"pub\",\"rid\":\"u1\",\"room\":\"r\",\"body\":\"\\ud800\"}",
        "{\"op\":\"pub\",\"rid\":\"u1\",\"room\":\"r\",\"body\":{\"a\\udc00\":1}}",
        "{\"op\":\"propose\",\"rid\":\"u1\",\"room\":\"r\",\"title\":\"x\\ud83d\",\"rule\":\"majority\"}"})
    void shouldRejectUnpairedSurrogatesAsBadRequest(String frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.readClient(frame));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("malformed JSON: string with an unpaired surrogate \\u"), e.getMessage());
    }

    @Test
    void shouldAcceptEscapedSurrogatePairs() throws ProtocolException {
        Pub pub = (Pub) reader.readClient("{\"op\":\"pub\",\"room\":\"r\",\"body\":\"\\ud83d\\ude00\"}");
        assertEquals("\"\ud83d\ude00\"", pub.body().json());
    }
}
