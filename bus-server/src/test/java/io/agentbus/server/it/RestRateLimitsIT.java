package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REST writes take from the same buckets as WebSocket frames: a posted message or an uploaded
 * artifact is one message and its body's bytes, per IP address and, with tokens on, per client.
 * Over the limit: 429 {@code rate_limited} with {@code retry_after_ms} and {@code Retry-After},
 * and the request is not executed. As in {@link RateLimitsIT}, each test sends until refused.
 */
class RestRateLimitsIT {
    private static final int CAP = 200;
    private static final Pattern RETRY_AFTER_MS = Pattern.compile("\"retry_after_ms\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldAnswer429ToPublishesOverTheIpRateWithoutExecutingThem() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.RATE_MESSAGES_PER_IP, 5))) {
            HttpResponse<String> response = null;
            int published = 0;
            for (int i = 0; i < CAP; i++) {
                response = server.post("/api/v1/rooms/r/messages", "{\"body\":" + i + "}");
                if (response.statusCode() != 200) {
                    break;
                }
                published++;
            }
            assertRateLimited(response, "IP address 127.0.0.1 is over rate.messages.per.ip (5 frames per second)");
            assertTrue(published >= 4 && published < CAP, "published " + published);

            String history = server.get("/api/v1/rooms/r/messages?limit=1000").body();
            assertEquals(published, history.split("\"op\":\"msg\"", -1).length - 1, history);
        }
    }

    @Test
    void shouldLimitEachTokensClientOnItsOwn() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.AUTH_SECRET, TestTokens.SECRET,
                Setting.RATE_MESSAGES_PER_CLIENT, 5);
        String busy = TestTokens.forClient("busy").room("*", "pub").hs256();
        String calm = TestTokens.forClient("calm").room("*", "pub").hs256();
        try (TestServer server = TestServer.start(dir, settings)) {
            HttpResponse<String> response = null;
            for (int i = 0; i < CAP && (response == null || response.statusCode() == 200); i++) {
                response = server.post("/api/v1/rooms/r/messages", "{\"body\":" + i + "}", busy);
            }
            assertRateLimited(response, "client 'busy' is over rate.messages.per.client (5 frames per second)");

            HttpResponse<String> other = server.post("/api/v1/rooms/r/messages", "{\"body\":\"calm\"}", calm);
            assertEquals(200, other.statusCode(), "another client from the same address: " + other.body());
        }
    }

    @Test
    void shouldAnswer429ToArtifactUploadsOverTheIpByteRate() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.RATE_BYTES_PER_IP, 1000, Setting.MAX_FRAME_BYTES, 1024,
                Setting.ARTIFACT_MAX_BYTES, 1024);
        try (TestServer server = TestServer.start(dir, settings)) {
            HttpResponse<String> response = null;
            int uploaded = 0;
            for (int i = 0; i < CAP; i++) {
                response = upload(server, "a" + i + ".bin", new byte[1000]);
                if (response.statusCode() != 200) {
                    break;
                }
                uploaded++;
            }
            assertRateLimited(response, "IP address 127.0.0.1 is over rate.bytes.per.ip (1000 bytes per second)");
            assertTrue(uploaded >= 60 && uploaded < CAP, "uploaded " + uploaded
                    + " of 1,000 bytes; the burst is the largest WebSocket message, 66,901 bytes");
        }
    }

    private static void assertRateLimited(HttpResponse<String> response, String message) {
        assertEquals(429, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"rate_limited\""), response.body());
        assertTrue(response.body().contains(message), response.body());
        Matcher retry = RETRY_AFTER_MS.matcher(response.body());
        assertTrue(retry.find(), response.body());
        long retryAfterMs = Long.parseLong(retry.group(1));
        assertTrue(retryAfterMs >= 1 && retryAfterMs <= 1000, response.body());
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null), "whole seconds, rounded up");
    }

    private static HttpResponse<String> upload(TestServer server, String name, byte[] data) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/rooms/art/artifacts?name=" + name);
        return HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
