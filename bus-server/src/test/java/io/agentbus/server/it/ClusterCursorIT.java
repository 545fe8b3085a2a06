package io.agentbus.server.it;

import static io.agentbus.server.it.ClusterNodes.assertDirect;
import static io.agentbus.server.it.ClusterNodes.sendOk;
import static org.awaitility.Awaitility.await;

import io.agentbus.server.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster mode: an inbox's written cursor that did not reach Redis is written again once Redis takes it. */
class ClusterCursorIT {
    private static final String CURSOR = "agentbus:{@reviewer}:cursor";

    @TempDir
    Path dir;

    @Test
    void shouldWriteACursorThatRedisRefusedAgainWithoutAnotherMove() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = ClusterNodes.node(dir, "a", redis, Map.of(Setting.CLUSTER_TIMEOUT_MS, 500));
             WsClient sender = a.hello("lead");
             WsClient reviewer = a.hello("reviewer")) {
            long failures = wrongTypeErrors(redis);
            redis(redis, r -> r.hset(CURSOR, "broken", "1")); // the cursor script fails: WRONGTYPE

            sendOk(sender, "s1", "reviewer", null, "\"one\"");
            assertDirect(reviewer, "reviewer", 1, "\"one\"");
            await().atMost(Duration.ofSeconds(20)).until(() -> wrongTypeErrors(redis) > failures);
            redis(redis, r -> r.del(CURSOR));

            await().atMost(Duration.ofSeconds(20)).until(() -> "1".equals(ClusterNodes.redisGet(redis, CURSOR)));
        }
    }

    /** How many commands Redis answered with WRONGTYPE so far. */
    private static long wrongTypeErrors(RedisServer redis) {
        Matcher m = Pattern.compile("errorstat_WRONGTYPE:count=(\\d+)").matcher(redis(redis,
                r -> r.info("errorstats")));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static <T> T redis(RedisServer redis, Function<RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
