package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;

/** {@code too_large}: a frame, artifact or quota limit was exceeded. */
public final class TooLargeException extends ServerErrorException {
    private static final long serialVersionUID = 1L;

    public TooLargeException(String serverMessage) {
        super(ErrorCode.TOO_LARGE, serverMessage, ErrorFrame.NO_RETRY_AFTER);
    }
}
