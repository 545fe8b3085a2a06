package io.agentbus.protocol.frame;

import io.agentbus.protocol.ErrorCode;

/**
 * {@code error}: a request failed.
 *
 * @param retryAfterMs for {@code rate_limited}, when to try again; otherwise {@link #NO_RETRY_AFTER}
 */
public record ErrorFrame(String rid, ErrorCode code, String message, long retryAfterMs) implements ServerFrame {
    public static final long NO_RETRY_AFTER = -1;

    public ErrorFrame(String rid, ErrorCode code, String message) {
        this(rid, code, message, NO_RETRY_AFTER);
    }

    @Override
    public String op() {
        return "error";
    }
}
