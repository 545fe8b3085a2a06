package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;

/** {@code bad_request}: the request broke the protocol; the message names the field. */
public final class BadRequestException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String serverMessage) {
        super(ErrorCode.BAD_REQUEST, serverMessage, ErrorFrame.NO_RETRY_AFTER);
    }
}
