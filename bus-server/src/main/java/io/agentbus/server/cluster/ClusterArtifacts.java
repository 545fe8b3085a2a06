package io.agentbus.server.cluster;

import io.agentbus.server.artifact.ArtifactReplica;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.util.concurrent.CompletionStage;

/**
 * The artifacts of every node kept in Redis, under {@code agentbus:artifact:SHA256}, on a
 * connection of their own whose values are bytes. They are not trimmed: the rooms' artifact
 * quotas bound them.
 */
public final class ClusterArtifacts implements ArtifactReplica {
    private final StatefulRedisConnection<String, byte[]> connection;
    private final String redis;

    ClusterArtifacts(StatefulRedisConnection<String, byte[]> connection, String redis) {
        this.connection = connection;
        this.redis = redis;
    }

    @Override
    public void put(String sha256, byte[] data) throws IOException {
        try {
            connection.sync().set(key(sha256), data);
        } catch (RedisException e) {
            throw new IOException("Redis at " + redis + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletionStage<byte[]> get(String sha256) {
        return connection.async().get(key(sha256));
    }

    static String key(String sha256) {
        return "agentbus:artifact:" + sha256;
    }
}
