package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.server.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
