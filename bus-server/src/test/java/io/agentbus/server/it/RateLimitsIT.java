package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import io.agentbus.server.session.WebSocketSessionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits over real sockets: frames and bytes per client id and per IP address answered
 * {@code rate_limited} with {@code retry_after_ms} (and not executed), admitted again once the
 * bucket refilled; close 4029 for a connection that keeps sending; HTTP 429 over the rate of new
 * connections. The limits are tiny so that a burst of requests crosses them at once; each test
 * sends until refused (with a cap) rather than counting on how fast it sends.
 */
class RateLimitsIT {
    private static final int CAP = 200;

    @TempDir
    Path dir;

    @Test
    void shouldRefuseFramesOverTheClientRateWithoutExecutingThemAndAdmitAgainAfterTheWait() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.RATE_MESSAGES_PER_CLIENT, 5));
             WsClient c = server.hello("busy")) {
            int published = 0;
            String reply = null;
            for (int i = 0; i < CAP; i++) {
                c.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"r\",\"body\":" + i + "}");
                reply = c.reply("p" + i);
                if (reply.contains("\"op\":\"error\"")) {
                    break;
                }
                published++;
            }
            ErrorFrame refused = assertError(reply, ErrorCode.RATE_LIMITED, "p" + published,
                    "client 'busy' is over rate.messages.per.client (5 frames per second)");
            assertTrue(published >= 5 && published < CAP, "published " + published);
            assertTrue(refused.retryAfterMs() >= 1 && refused.retryAfterMs() <= 1000, reply);

            String history = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(refused.retryAfterMs()))
                    .until(() -> c.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"r\",\"limit\":1000}").reply("h"),
                            h -> h.contains("\"op\":\"history\""));
            assertEquals(published, history.split("\"op\":\"msg\"", -1).length - 1, history);
        }
    }

    @Test
    void shouldCountEveryClientOfOneIpAddressAgainstItsRate() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.RATE_MESSAGES_PER_IP, 10));
             WsClient a = server.hello("a");
             WsClient b = server.hello("b")) {
            String reply = null;
            int passed = 0;
            for (int i = 0; i < CAP; i++) {
                WsClient c = i % 2 == 0 ? a : b;
                reply = c.send("{\"op\":\"ping\",\"rid\":\"p" + i + "\"}").reply("p" + i);
                if (reply.contains("\"op\":\"error\"")) {
                    break;
                }
                passed++;
            }
            assertError(reply, ErrorCode.RATE_LIMITED, "p" + passed,
                    "IP address 127.0.0.1 is over rate.messages.per.ip (10 frames per second)");
            assertTrue(passed >= 8 && passed < CAP, "passed " + passed);
        }
    }

    @Test
    void shouldRefuseBytesOverTheClientRateAfterABurstOfTheLargestMessage() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.RATE_BYTES_PER_CLIENT, 1000, Setting.MAX_FRAME_BYTES, 1024,
                Setting.ARTIFACT_MAX_BYTES, 1024);
        try (TestServer server = TestServer.start(dir, settings);
             WsClient c = server.hello("wordy")) {
            String pad = "x".repeat(900);
            String reply = null;
            int passed = 0;
            for (int i = 0; i < CAP; i++) {
                reply = c.send("{\"op\":\"ping\",\"rid\":\"p" + i + "\",\"pad\":\"" + pad + "\"}").reply("p" + i);
                if (reply.contains("\"op\":\"error\"")) {
                    break;
                }
                passed++;
            }
            ErrorFrame refused = assertError(reply, ErrorCode.RATE_LIMITED, "p" + passed,
                    "client 'wordy' is over rate.bytes.per.client (1000 bytes per second)");
            int burst = ServerConfig.builder().set(Setting.MAX_FRAME_BYTES, 1024).set(Setting.ARTIFACT_MAX_BYTES, 1024)
                    .build().maxWebSocketMessageBytes();
            assertTrue(passed >= burst / 930 && passed < CAP, "passed " + passed + " frames of ~930 bytes");
            assertTrue(refused.retryAfterMs() >= 1 && refused.retryAfterMs() <= 1000, reply);
        }
    }

    @Test
    void shouldCloseWith4029AConnectionThatKeepsSendingAfterRefusals() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.RATE_MESSAGES_PER_CLIENT, 1,
                Setting.RATE_REFUSALS_BEFORE_CLOSE, 3);
        try (TestServer server = TestServer.start(dir, settings);
             WsClient hammer = server.hello("hammer");
             WsClient calm = server.hello("calm")) {
            int sent = 0;
            try {
                while (!hammer.isClosed() && sent < CAP) {
                    hammer.send("{\"op\":\"ping\",\"rid\":\"p" + sent++ + "\"}");
                }
            } catch (CompletionException closedMeanwhile) {
                assertInstanceOf(IOException.class, closedMeanwhile.getCause());
            }
            assertEquals(WebSocketSessionHandler.CLOSE_RATE_LIMITED, hammer.awaitClose());
            int refusals = 0;
            for (String f = hammer.poll(0); f != null; f = hammer.poll(0)) {
                refusals += f.contains("\"code\":\"rate_limited\"") ? 1 : 0;
            }
            assertTrue(refusals >= 3 && refusals <= sent, refusals + " rate_limited answers before the close");
            assertTrue(calm.send("{\"op\":\"ping\",\"rid\":\"c\"}").reply("c").contains("\"op\":\"pong\""));
        }
    }

    @Test
    void shouldAnswer429OverTheRateOfNewConnectionsOfAnIpAddress() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.RATE_CONNECTIONS_PER_IP, 2));
             WsClient first = server.hello("first")) {
            String response = null;
            int admitted = 1;
            for (int i = 0; i < CAP; i++) {
                response = getHealth(server.port());
                if (!response.startsWith("HTTP/1.1 200")) {
                    break;
                }
                admitted++;
            }
            assertTrue(response.startsWith("HTTP/1.1 429 Too Many Requests"), response);
            assertTrue(response.contains("retry-after: 1"), response);
            assertTrue(response.contains("{\"code\":\"rate_limited\",\"message\":\"connection refused: IP address"
                    + " 127.0.0.1 is over rate.connections.per.ip (2 new connections per second); retry after "),
                    response);
            assertTrue(response.contains("\"retry_after_ms\":"), response);
            assertTrue(admitted >= 2 && admitted < CAP, "admitted " + admitted);

            CompletionException e = assertThrows(CompletionException.class, () -> WsClient.connect(server.port()));
            WebSocketHandshakeException upgrade = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
            assertEquals(429, upgrade.getResponse().statusCode());
            assertTrue(first.send("{\"op\":\"ping\",\"rid\":\"f\"}").reply("f").contains("\"op\":\"pong\""));
        }
    }

    /** GET /health on a connection of its own; the whole response, head and body. */
    private static String getHealth(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
