package io.agentbus.protocol.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * Every field name the codec knows, client and server frames together. A frame's values are
 * kept in a slot per field ({@link FieldValues}), so decoding needs no map per frame.
 */
enum Field {
    OP("op"),
    RID("rid"),
    CLIENT("client"),
    TOKEN("token"),
    INBOX_SINCE("inbox_since"),
    ROOM("room"),
    ROLE("role"),
    WEIGHT("weight"),
    SINCE("since"),
    ECHO("echo"),
    EPOCH("epoch"),
    RECOVERED("recovered"),
    CHANNEL("channel"),
    TYPE("type"),
    PRIORITY("priority"),
    BODY("body"),
    ID("id"),
    LIMIT("limit"),
    TO("to"),
    TITLE("title"),
    RULE("rule"),
    QUORUM("quorum"),
    DEADLINE_MS("deadline_ms"),
    DECISION("decision"),
    CHOICE("choice"),
    COMMENT("comment"),
    NAME("name"),
    CONTENT_TYPE("content_type"),
    DATA("data"),
    SESSION("session"),
    SERVER("server"),
    HEARTBEAT_MS("heartbeat_ms"),
    OFFSET("offset"),
    MEMBERS("members"),
    SHA256("sha256"),
    DUPLICATE("duplicate"),
    FROM("from"),
    TS("ts"),
    EVENT("event"),
    MESSAGES("messages"),
    MORE("more"),
    STATUS("status"),
    TALLY("tally"),
    YES("yes"),
    NO("no"),
    VETO("veto"),
    FROM_OFFSET("from_offset"),
    TO_OFFSET("to_offset"),
    REASON("reason"),
    CODE("code"),
    MESSAGE("message"),
    RETRY_AFTER_MS("retry_after_ms");

    static final int COUNT = values().length;

    private static final Map<String, Field> BY_WIRE_NAME = new HashMap<>();

    static {
        for (Field f : values()) {
            BY_WIRE_NAME.put(f.wireName, f);
        }
    }

    final String wireName;

    Field(String wireName) {
        this.wireName = wireName;
    }

    /** The field with this wire name, or {@code null} for a field the codec ignores. */
    static Field of(String wireName) {
        return BY_WIRE_NAME.get(wireName);
    }

    /** Whether the value is a nested object or array of objects that server frames carry. */
    boolean isNested() {
        return this == MEMBERS || this == MESSAGES || this == TALLY;
    }
}
