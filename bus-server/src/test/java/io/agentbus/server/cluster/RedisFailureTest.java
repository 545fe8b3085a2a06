package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RedisFailureTest {
    private static final String REDIS = "redis://127.0.0.1:6379";

    @Test
    void shouldSayTheMessageWasNotTakenWhenRedisAnsweredWithAnError() {
        assertEquals("cluster: Redis at redis://127.0.0.1:6379 did not take the message, which is not acknowledged:"
                        + " ERR script failed",
                RedisFailure.message(REDIS, "the message", "is not acknowledged",
                        new CompletionException(new RedisCommandExecutionException("ERR script failed"))));
    }

    @Test
    void shouldSayTheMessageWasNotTakenWhenLettuceRefusedItWhileDisconnected() {
        assertEquals("cluster: Redis at redis://127.0.0.1:6379 did not take the join, which did not happen:"
                        + " Currently not connected. Commands are rejected.",
                RedisFailure.message(REDIS, "the join", "did not happen",
                        new RedisException("Currently not connected. Commands are rejected.")));
    }

    @Test
    void shouldSayTheOutcomeIsUnknownAfterATimeoutOrAClosedConnection() {
        String unknown = "cluster: Redis at redis://127.0.0.1:6379 gave no outcome for the message (%s): it may or"
                + " may not have happened; send it again with the same id to learn the outcome without a second copy";
        assertEquals(String.format(unknown, "Command timed out after 2 second(s)"),
                RedisFailure.message(REDIS, "the message", "is not acknowledged",
                        new RedisCommandTimeoutException("Command timed out after 2 second(s)")));
        assertEquals(String.format(unknown, "Connection closed"),
                RedisFailure.message(REDIS, "the message", "is not acknowledged", new RedisException("Connection closed")));
    }
}
