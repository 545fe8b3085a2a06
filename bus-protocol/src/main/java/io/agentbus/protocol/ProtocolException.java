package io.agentbus.protocol;

/**
 * A frame that breaks the protocol: carries the error code, a message that names the field,
 * and the request's {@code rid} when it could be read before the fault.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String rid;

    public ProtocolException(ErrorCode code, String message, String rid) {
        super(message, null, false, false);
        this.code = code;
        this.rid = rid;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request id of the offending frame, or {@code null} if none could be read. */
    public String rid() {
        return rid;
    }
}
