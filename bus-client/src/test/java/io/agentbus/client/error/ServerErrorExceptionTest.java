package io.agentbus.client.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerErrorExceptionTest {
    static final Map<ErrorCode, Class<? extends ServerErrorException>> TYPES = Map.of(
            ErrorCode.BAD_REQUEST, BadRequestException.class,
            ErrorCode.UNAUTHENTICATED, UnauthenticatedException.class,
            ErrorCode.FORBIDDEN, ForbiddenException.class,
            ErrorCode.NOT_FOUND, NotFoundException.class,
            ErrorCode.RATE_LIMITED, RateLimitedException.class,
            ErrorCode.TOO_LARGE, TooLargeException.class,
            ErrorCode.OVERLOADED, OverloadedException.class,
            ErrorCode.INTERNAL, InternalServerErrorException.class);

    @Test
    void shouldMapEveryErrorCodeToItsOwnTypeKeepingTheServersMessage() {
        assertEquals(ErrorCode.values().length, TYPES.size(), "every code has a type");
        for (ErrorCode code : ErrorCode.values()) {
            ServerErrorException e = ServerErrorException.of(new ErrorFrame("r1", code, "what happened", 250));
            assertInstanceOf(TYPES.get(code), e);
            assertEquals(code, e.code());
            assertEquals("what happened", e.serverMessage());
            assertEquals(code.wireName() + ": what happened", e.getMessage());
        }
    }

    @Test
    void shouldCarryRetryAfterWhereTheCodeHasOne() {
        assertEquals(250, ServerErrorException.of(new ErrorFrame(null, ErrorCode.RATE_LIMITED, "slow down", 250))
                .retryAfterMs());
        assertEquals(ErrorFrame.NO_RETRY_AFTER, ServerErrorException.of(
                new ErrorFrame(null, ErrorCode.NOT_FOUND, "x", 250)).retryAfterMs());
    }
}
