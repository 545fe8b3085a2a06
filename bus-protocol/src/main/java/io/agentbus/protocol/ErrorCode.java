package io.agentbus.protocol;

/** The error codes of an {@code error} frame, with the HTTP status that REST answers carry. */
public enum ErrorCode {
    BAD_REQUEST("bad_request", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404),
    RATE_LIMITED("rate_limited", 429),
    TOO_LARGE("too_large", 413),
    OVERLOADED("overloaded", 503),
    INTERNAL("internal", 500);

    private static final ErrorCode[] VALUES = values();

    private final String wireName;
    private final int httpStatus;

    ErrorCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** The code on the wire, e.g. {@code "bad_request"}. */
    public String wireName() {
        return wireName;
    }

    /** The HTTP status a REST answer with this code carries. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The code with this wire name, or {@code null} when there is none. */
    public static ErrorCode fromWire(String name) {
        for (ErrorCode c : VALUES) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
