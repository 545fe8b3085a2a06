package io.agentbus.benchmarks;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Pub;
import java.nio.charset.StandardCharsets;

/**
 * The message every benchmark moves: an agent's progress report with a 100-byte JSON body and a
 * message id, as {@code bus-client} sends it (the client gives every message an id).
 */
public final class TypicalMessage {
    public static final String ROOM = "build-42";
    public static final String FROM = "coder-1";
    public static final String TYPE = "progress";
    /** 100 bytes of JSON. */
    public static final JsonValue BODY = new JsonValue(
            "{\"text\":\"build 42: compiled 118 modules with 3 warnings; running unit tests next\",\"step\":10,\"of\":12}");
    public static final String ID = "coder-1-00000017";
    public static final long TS_MS = 1_795_214_065_644L;

    /** The {@code pub} frame as a client sends it. */
    public static final String PUB_JSON = "{\"op\":\"pub\",\"rid\":\"17\",\"room\":\"" + ROOM + "\",\"type\":\"" + TYPE
            + "\",\"priority\":\"normal\",\"id\":\"" + ID + "\",\"body\":" + BODY.json() + "}";

    private TypicalMessage() {
    }

    public static byte[] pubUtf8() {
        return PUB_JSON.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code pub} with this request id and message id. */
    public static Pub pub(String rid, String id) {
        return new Pub(rid, ROOM, Pub.DEFAULT_CHANNEL, TYPE, Priority.NORMAL, BODY, id);
    }

    /** The {@code msg} frame the server makes of it, at this room offset. */
    public static Msg msg(long offset) {
        return new Msg(ROOM, null, offset, FROM, Pub.DEFAULT_CHANNEL, TYPE, Priority.NORMAL, TS_MS, BODY, ID);
    }
}
