package io.agentbus.server.journal;

import io.agentbus.protocol.ErrorCode;

/**
 * The journal refused an append: its disk is nearly full ({@code overloaded}) or the write failed
 * ({@code internal}). Nothing was appended and no state changed; the request is answered with
 * {@link #code()} and this message.
 */
public final class JournalUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    JournalUnavailableException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
