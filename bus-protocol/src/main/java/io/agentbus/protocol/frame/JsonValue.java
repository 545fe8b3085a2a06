package io.agentbus.protocol.frame;

import java.util.Objects;

/**
 * Any JSON value (a message body), kept as compact JSON text so the server can journal and
 * forward it without building a tree.
 *
 * @param json compact JSON text of exactly one value
 */
public record JsonValue(String json) {
    /** The JSON literal {@code null}. */
    public static final JsonValue NULL = new JsonValue("null");

    public JsonValue {
        Objects.requireNonNull(json, "json");
    }
}
