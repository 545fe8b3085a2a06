package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;

/** {@code not_found}: the room, decision, membership or artifact does not exist. */
public final class NotFoundException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String serverMessage) {
        super(ErrorCode.NOT_FOUND, serverMessage, ErrorFrame.NO_RETRY_AFTER);
    }
}
