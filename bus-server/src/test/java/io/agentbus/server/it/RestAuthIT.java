package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API with tokens on: Bearer required, the WebSocket rights apply, the author is the token's subject. */
class RestAuthIT {
    @TempDir
    Path dir;

    @Test
    void shouldNeedABearerTokenWithTheRight() throws Exception {
        String writer = TestTokens.forClient("ci-bot").room("build-*", "pub").hs256();
        String reader = TestTokens.forClient("viewer").room("build-*", "sub").hs256();
        try (TestServer server = TestServer.start(dir, Map.of(Setting.AUTH_SECRET, TestTokens.SECRET))) {
            HttpResponse<String> none = server.post("/api/v1/rooms/build-1/messages", "{\"body\":1}");
            assertEquals(401, none.statusCode());
            assertTrue(none.body().contains("\"code\":\"unauthenticated\""), none.body());
            assertTrue(none.body().contains("Authorization: Bearer"), none.body());
            HttpResponse<String> forbidden = server.post("/api/v1/rooms/build-1/messages", "{\"body\":1}", reader);
            assertEquals(403, forbidden.statusCode());
            assertTrue(forbidden.body().contains("publishing in room 'build-1' needs the 'pub' right"), forbidden.body());
            HttpResponse<String> posted = server.post("/api/v1/rooms/build-1/messages", "{\"body\":1}", writer);
            assertEquals(200, posted.statusCode(), posted.body());
            assertEquals(403, server.get("/api/v1/rooms/build-1/messages", writer).statusCode());
            HttpResponse<String> read = server.get("/api/v1/rooms/build-1/messages", reader);
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("\"from\":\"ci-bot\""), "REST messages are from the token's subject: "
                    + read.body());
            assertEquals(401, server.get("/api/v1/rooms/build-1/messages").statusCode());
        }
    }

    @Test
    void shouldNeedAValidTokenToListRoomsOrUploadButNotForHealth() throws Exception {
        String expired = TestTokens.forClient("ci-bot").room("*", "pub").expires(Instant.now().minusSeconds(1)).hs256();
        String any = TestTokens.forClient("viewer").hs256();
        try (TestServer server = TestServer.start(dir, Map.of(Setting.AUTH_SECRET, TestTokens.SECRET))) {
            assertEquals(401, server.get("/api/v1/rooms").statusCode());
            HttpResponse<String> stale = server.get("/api/v1/rooms", expired);
            assertEquals(401, stale.statusCode());
            assertTrue(stale.body().contains("the token expired at"), stale.body());
            assertEquals(200, server.get("/api/v1/rooms", any).statusCode());
            assertEquals(403, server.post("/api/v1/rooms/r/artifacts?name=a.txt", "hi", any).statusCode());
            assertEquals(200, server.get("/health").statusCode());
            assertEquals(200, server.get("/metrics").statusCode());
        }
    }

    @Test
    void shouldNeedNoTokenInDevelopmentMode() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.AUTH, "none"))) {
            assertEquals(200, server.post("/api/v1/rooms/r/messages", "{\"body\":1}").statusCode());
            HttpResponse<String> read = server.get("/api/v1/rooms/r/messages");
            assertTrue(read.body().contains("\"from\":\"rest\""), read.body());
            assertTrue(server.get("/health").body().contains("\"auth\":\"none\""));
        }
    }
}
