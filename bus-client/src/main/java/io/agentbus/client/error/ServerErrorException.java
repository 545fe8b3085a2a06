package io.agentbus.client.error;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;

/**
 * The server answered a request with an {@code error} frame. Each error code has its own
 * subclass, so callers can catch exactly the failures they handle; {@link #code()} and the
 * server's own message are always available.
 */
public class ServerErrorException extends AgentBusException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String serverMessage;
    private final long retryAfterMs;

    protected ServerErrorException(ErrorCode code, String serverMessage, long retryAfterMs) {
        super(code.wireName() + ": " + serverMessage);
        this.code = code;
        this.serverMessage = serverMessage;
        this.retryAfterMs = retryAfterMs;
    }

    /** The typed exception for an {@code error} frame. */
    public static ServerErrorException of(ErrorFrame error) {
        String message = error.message();
        long retry = error.retryAfterMs();
        return switch (error.code()) {
            case BAD_REQUEST -> new BadRequestException(message);
            case UNAUTHENTICATED -> new UnauthenticatedException(message);
            case FORBIDDEN -> new ForbiddenException(message);
            case NOT_FOUND -> new NotFoundException(message);
            case RATE_LIMITED -> new RateLimitedException(message, retry);
            case TOO_LARGE -> new TooLargeException(message);
            case OVERLOADED -> new OverloadedException(message, retry);
            case INTERNAL -> new InternalServerErrorException(message);
        };
    }

    /** The error code the server sent. */
    public ErrorCode code() {
        return code;
    }

    /** The server's message, e.g. {@code "field 'limit' must be an integer in 1..1000"}. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The server's {@code retry_after_ms} hint, or {@link ErrorFrame#NO_RETRY_AFTER}. */
    public long retryAfterMs() {
        return retryAfterMs;
    }
}
