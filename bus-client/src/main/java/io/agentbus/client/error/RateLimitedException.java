package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;

/** {@code rate_limited}: over a rate limit; {@link #retryAfterMs()} says when to try again. */
public final class RateLimitedException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String serverMessage, long retryAfterMs) {
        super(ErrorCode.RATE_LIMITED, serverMessage, retryAfterMs);
    }
}
