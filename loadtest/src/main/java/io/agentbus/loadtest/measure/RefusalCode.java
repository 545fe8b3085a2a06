package io.agentbus.loadtest.measure;

import java.nio.charset.StandardCharsets;

/** The agentbus error codes a refused publish can carry ({@code OTHER} for any code not listed). */
public enum RefusalCode {
    OVERLOADED("overloaded"),
    RATE_LIMITED("rate_limited"),
    TOO_LARGE("too_large"),
    BAD_REQUEST("bad_request"),
    UNAUTHENTICATED("unauthenticated"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not_found"),
    INTERNAL("internal"),
    OTHER("other");

    private final String wireName;
    private final byte[] quoted;

    RefusalCode(String wireName) {
        this.wireName = wireName;
        this.quoted = (wireName + "\"").getBytes(StandardCharsets.US_ASCII);
    }

    /** The code on the wire and in results.json. */
    public String wireName() {
        return wireName;
    }

    /** The code followed by its closing quote, as it appears in an {@code error} frame. */
    public byte[] quotedBytes() {
        return quoted;
    }
}
