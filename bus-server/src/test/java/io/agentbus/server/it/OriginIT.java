package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser origin check on the WebSocket upgrade and on REST, by default and with an allow-list. */
class OriginIT {
    @TempDir
    Path dir;

    @Test
    void shouldAdmitClientsWithoutOriginAndPagesOfTheDaemonsOwnOrigin() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient tool = server.hello("no-origin");
             WsClient dashboard = WsClient.connectFrom("http://127.0.0.1:" + server.port(), server.port())) {
            dashboard.send("{\"op\":\"hello\",\"rid\":\"h\",\"client\":\"dash-1\"}");
            assertTrue(dashboard.reply("h").contains("\"op\":\"welcome\""));
            tool.send("{\"op\":\"ping\",\"rid\":\"p\"}");
            assertTrue(tool.reply("p").contains("\"op\":\"pong\""));
        }
    }

    @Test
    void shouldRefuseAnotherOriginWith403() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            assertRefused("http://evil.example", server);
            assertRefused("http://127.0.0.1:" + (server.port() == 1 ? 2 : server.port() - 1), server);
            assertRefused("https://127.0.0.1:" + server.port(), server);
            assertRefused("null", server);
            assertTrue(server.get("/health").body().contains("\"status\":\"up\""));
        }
    }

    @Test
    void shouldRefuseARestPublishFromAnotherOriginAndPublishNothing() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/rooms/csrf/messages"))
                    .header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"forged\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().startsWith("{\"code\":\"forbidden\",\"message\":\"Origin 'http://evil.example'"),
                    refused.body());
            assertEquals(404, server.get("/api/v1/rooms/csrf/messages").statusCode());
        }
    }

    @Test
    void shouldAdmitTheOriginsOfTheAllowListOnly() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.WS_ALLOWED_ORIGINS,
                " https://dash.example.com , http://localhost:8080"));
             WsClient dash = WsClient.connectFrom("https://DASH.example.com:443", server.port());
             WsClient local = WsClient.connectFrom("http://localhost:8080", server.port());
             WsClient own = WsClient.connectFrom("http://127.0.0.1:" + server.port(), server.port())) {
            for (WsClient c : new WsClient[] {dash, local, own}) {
                c.send("{\"op\":\"ping\",\"rid\":\"p\"}");
                assertTrue(c.reply("p").contains("\"op\":\"pong\""));
            }
            assertRefused("https://dash.example.com:8443", server);
            assertRefused("http://dash.example.com", server);
        }
    }

    @Test
    void shouldAdmitAnyOriginWithAStar() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.WS_ALLOWED_ORIGINS, "*"));
             WsClient any = WsClient.connectFrom("http://anywhere.example", server.port())) {
            any.send("{\"op\":\"ping\",\"rid\":\"p\"}");
            assertTrue(any.reply("p").contains("\"op\":\"pong\""));
        }
    }

    private static void assertRefused(String origin, TestServer server) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> WsClient.connectFrom(origin, server.port()), origin);
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(403, handshake.getResponse().statusCode(), origin);
    }
}
