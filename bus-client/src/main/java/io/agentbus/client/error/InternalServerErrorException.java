package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;

/** {@code internal}: the server failed on this request. */
public final class InternalServerErrorException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public InternalServerErrorException(String serverMessage) {
        super(ErrorCode.INTERNAL, serverMessage, ErrorFrame.NO_RETRY_AFTER);
    }
}
