package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.server.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Helpers of the cluster tests: nodes of one Redis, and the frames of direct messages. */
final class ClusterNodes {
    private ClusterNodes() {
    }

    /** A node named {@code name} (its journal in {@code dir/name}) of the cluster linked through {@code redis}. */
    static TestServer node(Path dir, String name, RedisServer redis, Map<Setting, Object> settings) throws Exception {
        Map<Setting, Object> all = new HashMap<>(settings);
        all.put(Setting.CLUSTER_REDIS, redis.uri());
        return TestServer.start(dir.resolve(name), all);
    }

    static TestServer node(Path dir, String name, RedisServer redis) throws Exception {
        return node(dir, name, redis, Map.of());
    }

    /** The value of {@code key} in {@code redis}, or {@code null}. */
    static String redisGet(RedisServer redis, String key) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().get(key);
        } finally {
            client.shutdown();
        }
    }

    /** Has {@code redis} lose all its data at once ({@code FLUSHALL}), as a restart without persistence would. */
    static void flushAll(RedisServer redis) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertEquals("OK", connection.sync().flushall());
        } finally {
            client.shutdown();
        }
    }

    /** Connects to {@code node} and says hello as {@code client} with {@code extra} fields; returns after the welcome. */
    static WsClient hello(TestServer node, String client, String extra) {
        WsClient c = WsClient.connect(node.port());
        c.send("{\"op\":\"hello\",\"client\":\"" + client + "\"" + extra + "}");
        c.await(f -> f.contains("\"op\":\"welcome\""));
        return c;
    }

    static String send(String rid, String to, String id, String body) {
        return "{\"op\":\"send\",\"rid\":\"" + rid + "\",\"to\":\"" + to + "\""
                + (id == null ? "" : ",\"id\":\"" + id + "\"") + ",\"body\":" + body + "}";
    }

    /** Sends and returns the {@code ok}. */
    static Ok sendOk(WsClient sender, String rid, String to, String id, String body) {
        sender.send(send(rid, to, id, body));
        return parse(sender.reply(rid), Ok.class);
    }

    /**
     * Sends (under rids {@code rid-1}, {@code rid-2}, …) until an {@code ok} comes and returns
     * it: while the inbox recovers from a Redis that lost it, each send is refused with
     * {@code overloaded} and {@code retry_after_ms}, and nothing else may come.
     */
    static Ok sendOkOnceRecovered(WsClient sender, String rid, String to, String body, Duration wait) {
        return okOnceRecovered(sender, rid, r -> send(r, to, null, body), wait);
    }

    /**
     * Sends {@code request.apply(rid-N)} for N = 1, 2, … until an {@code ok} comes and returns it:
     * while the room or inbox recovers from a Redis that lost it, each is refused with
     * {@code overloaded} and {@code retry_after_ms}, and nothing else may come.
     */
    static Ok okOnceRecovered(WsClient client, String rid, Function<String, String> request, Duration wait) {
        AtomicInteger attempt = new AtomicInteger();
        AtomicReference<Ok> ok = new AtomicReference<>();
        await().atMost(wait).pollInterval(Duration.ofMillis(200)).until(() -> {
            String r = rid + "-" + attempt.incrementAndGet();
            client.send(request.apply(r));
            ServerFrame reply = parse(client.reply(r));
            if (reply instanceof ErrorFrame e) {
                assertEquals(ErrorCode.OVERLOADED, e.code(), e.message());
                assertTrue(e.message().contains("recovering") && e.retryAfterMs() > 0, e.toString());
                return false;
            }
            ok.set(assertInstanceOf(Ok.class, reply));
            return true;
        });
        return ok.get();
    }

    /** The next frame, which must be a {@code msg}. */
    static Msg nextMsg(WsClient client) {
        return parse(client.next(), Msg.class);
    }

    /** Pings and asserts that the pong is the next frame: nothing else was sent before it. */
    static void assertNothingMore(WsClient client) {
        client.send("{\"op\":\"ping\",\"rid\":\"nothing-more\"}");
        String json = client.next();
        assertInstanceOf(Pong.class, parse(json), json);
    }

    /** Asserts the next frame is the direct message to {@code to} at {@code offset} with {@code body}. */
    static void assertDirect(WsClient client, String to, long offset, String body) {
        Msg msg = nextMsg(client);
        assertEquals(to, msg.to());
        assertEquals(offset, msg.offset());
        assertEquals(body, msg.body().json());
    }
}
