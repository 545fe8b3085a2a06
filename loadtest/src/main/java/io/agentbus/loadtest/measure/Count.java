package io.agentbus.loadtest.measure;

/** What the harness counts; the last ones are errors (any of them fails the run). */
public enum Count {
    /** Messages written by publishers. */
    SENT("sent", false),
    /** Measured messages received, duplicates included. */
    DELIVERED("delivered", false),
    /** First receptions of a publisher's sequence number, in order or not. */
    UNIQUE("unique", false),
    /** Receptions of a sequence number already received from that publisher. */
    DUPLICATED("duplicated", false),
    /** First receptions of a sequence number after a higher one of the same publisher had arrived. */
    OUT_OF_ORDER("out_of_order", false),
    /** Bytes of the protocol messages that carried the deliveries (the WebSocket payload, or a NATS {@code MSG}). */
    DELIVERED_BYTES("delivered_bytes", false),
    /** Publish acknowledgements ({@code ok} replies to {@code pub}/{@code send}). */
    ACKED("acked", false),
    /** Publishes the server answered with an {@code error} (matched by {@code rid}): never delivered. */
    REFUSED("refused", false),
    /** The deliveries the refused publishes would have made (their audience): not expected. */
    REFUSED_DELIVERIES("refused_deliveries", false),
    /** {@code error} frames (agentbus) or {@code -ERR} lines (NATS) from the server. */
    SERVER_ERRORS("server_errors", true),
    /** Frames or messages the harness could not read. */
    MALFORMED("malformed", true),
    /** agentbus {@code dropped} notices: the server dropped messages for a slow consumer. */
    DROPPED_NOTICES("dropped_notices", true),
    /** Connections closed before the harness closed them. */
    CLOSED_EARLY("closed_early", true),
    /** Connections that failed to open, shake hands or join. */
    CONNECT_FAILURES("connect_failures", true),
    /** Messages from a publisher the receiver should not hear. */
    MISROUTED("misrouted", true);

    private final String jsonName;
    private final boolean error;

    Count(String jsonName, boolean error) {
        this.jsonName = jsonName;
        this.error = error;
    }

    /** The name in results.json. */
    public String jsonName() {
        return jsonName;
    }

    public boolean isError() {
        return error;
    }
}
