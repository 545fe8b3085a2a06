package io.agentbus.server.it;

import static io.agentbus.server.it.ClusterNodes.node;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts in cluster mode: one uploaded to a node is served by every node. */
class ClusterArtifactIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldServeAnArtifactUploadedToOneNodeFromAnotherAndKeepIt() throws Exception {
        byte[] data = "build log, line 1\nline 2\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             TestServer b = node(dir, "b", redis)) {
            HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(uri(a, "/api/v1/rooms/art/artifacts?name=log"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upload.statusCode(), upload.body());
            assertTrue(upload.body().contains(sha), upload.body());

            HttpResponse<byte[]> fromB = get(b, sha);
            assertEquals(200, fromB.statusCode());
            assertArrayEquals(data, fromB.body());

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> dir.resolve("b").resolve("artifacts").resolve(sha.substring(0, 2)).resolve(sha)
                            .toFile().isFile());
            redis.stop();
            HttpResponse<byte[]> keptOnB = get(b, sha);
            assertEquals(200, keptOnB.statusCode());
            assertArrayEquals(data, keptOnB.body());
        }
    }

    @Test
    void shouldAnswerNotFoundForAnArtifactNoNodeHasAndRefuseUploadsRedisCannotKeep() throws Exception {
        String nobody = "0".repeat(64);
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis)) {
            HttpResponse<byte[]> missing = get(a, nobody);
            assertEquals(404, missing.statusCode());
            assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("no artifact " + nobody));

            redis.stop();
            HttpResponse<byte[]> unreachable = get(a, nobody);
            assertEquals(503, unreachable.statusCode());
            assertTrue(new String(unreachable.body(), StandardCharsets.UTF_8).contains("cannot be read"));
            HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(uri(a, "/api/v1/rooms/art/artifacts?name=x"))
                    .POST(HttpRequest.BodyPublishers.ofString("while Redis is down")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, upload.statusCode(), upload.body());
            assertTrue(upload.body().contains("not announced"), upload.body());
        }
    }

    private static HttpResponse<byte[]> get(TestServer node, String sha) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(node, "/api/v1/artifacts/" + sha)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(TestServer node, String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }
}
