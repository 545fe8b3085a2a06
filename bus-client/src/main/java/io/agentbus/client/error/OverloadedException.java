package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;

/** {@code overloaded}: the server cannot take the request now; retry later. */
public final class OverloadedException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public OverloadedException(String serverMessage, long retryAfterMs) {
        super(ErrorCode.OVERLOADED, serverMessage, retryAfterMs);
    }
}
