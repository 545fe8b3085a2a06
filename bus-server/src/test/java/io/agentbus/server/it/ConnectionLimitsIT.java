package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** max.connections and max.connections.per.ip: the connection over a limit gets 503, the others go on. */
class ConnectionLimitsIT {
    @TempDir
    Path dir;

    @Test
    void shouldAnswer503OverThePerIpLimitAndAdmitAgainAfterAClose() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.MAX_CONNECTIONS_PER_IP, 2));
             WsClient first = server.hello("first");
             WsClient second = server.hello("second")) {
            assertRefused(server, "127.0.0.1 has 2 connections open, the limit per IP address (max.connections.per.ip)");
            HttpResponse<String> health = server.get("/health");
            assertEquals(503, health.statusCode(), health.body());
            assertTrue(health.body().startsWith("{\"code\":\"overloaded\",\"message\":\"connection refused: 127.0.0.1"
                    + " has 2 connections open"), health.body());

            first.closeAndAwaitReply();
            WsClient third = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> server.hello("third"), c -> true);
            third.send("{\"op\":\"ping\",\"rid\":\"p\"}");
            assertTrue(third.reply("p").contains("\"op\":\"pong\""));
            second.send("{\"op\":\"ping\",\"rid\":\"p\"}");
            assertTrue(second.reply("p").contains("\"op\":\"pong\""));
            assertRefused(server, "max.connections.per.ip");
            third.close();
        }
    }

    @Test
    void shouldAnswer503OverTheTotalLimitWithoutCountingRefusedConnections() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.MAX_CONNECTIONS, 1));
             WsClient only = server.hello("only")) {
            for (int i = 0; i < 5; i++) {
                assertRefused(server, "the server has 1 connections open, its limit (max.connections)");
            }
            only.closeAndAwaitReply();
            WsClient next = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> server.hello("next"), c -> true);
            next.close();
        }
    }

    private static void assertRefused(TestServer server, String reason) {
        CompletionException e = assertThrows(CompletionException.class, () -> WsClient.connect(server.port()));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(503, handshake.getResponse().statusCode());
        Object body = handshake.getResponse().body();
        assertTrue(body == null || body.toString().contains(reason), String.valueOf(body));
    }
}
