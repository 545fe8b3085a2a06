package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;

/** {@code unauthenticated}: the request needs a {@code hello} (or a valid token) first. */
public final class UnauthenticatedException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(String serverMessage) {
        super(ErrorCode.UNAUTHENTICATED, serverMessage, ErrorFrame.NO_RETRY_AFTER);
    }
}
