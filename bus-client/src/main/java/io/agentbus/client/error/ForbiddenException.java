package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;

/** {@code forbidden}: the client lacks the right for this room or operation. */
public final class ForbiddenException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String serverMessage) {
        super(ErrorCode.FORBIDDEN, serverMessage, ErrorFrame.NO_RETRY_AFTER);
    }
}
