package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session's time limits and frame reassembly, over a real socket. The server pings a
 * connection silent for half of {@code idle.timeout.ms} and closes one silent for all of it; a
 * pong is traffic.
 */
class SessionLimitsIT {
    private static final int OPCODE_TEXT = 1;
    private static final int OPCODE_CLOSE = 8;
    private static final int OPCODE_PING = 9;
    private static final Map<Setting, Object> SHORT_IDLE = Map.of(Setting.IDLE_TIMEOUT_MS, 400,
            Setting.HEARTBEAT_MS, 100);

    @TempDir
    Path dir;

    @Test
    void shouldCloseWith4001WhenNoHelloComesInTime() throws Exception {
        try (TestServer server = TestServer.start(dir, SHORT_IDLE);
             WsClient silent = WsClient.connect(server.port())) {
            assertEquals(4001, silent.awaitClose());
        }
    }

    @Test
    void shouldPingASilentConnectionAndCloseItWhenNothingAnswersWithinTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.start(dir, SHORT_IDLE);
             RawWebSocket deaf = RawWebSocket.open(server.port(), new Random(1), true)) {
            deaf.frame(true, 0, OPCODE_TEXT, "{\"op\":\"hello\",\"client\":\"deaf-1\"}"
                    .getBytes(StandardCharsets.UTF_8), true);
            await().atMost(WsClient.TIMEOUT).until(deaf::closedByServer);
            List<RawWebSocket.ServerFrame> frames = deaf.serverFrames();
            List<Integer> opcodes = frames.stream().map(RawWebSocket.ServerFrame::opcode).toList();
            assertEquals(List.of(OPCODE_TEXT, OPCODE_PING, OPCODE_CLOSE), opcodes, "welcome, one ping, the close");
            assertEquals(1000, frames.get(2).closeCode());
            assertEquals("idle timeout", new String(frames.get(2).payload(), 2, frames.get(2).payload().length - 2,
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldKeepASilentConnectionThatAnswersPingsPastTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.start(dir, SHORT_IDLE);
             WsClient quiet = server.hello("quiet-1")) {
            long openedNs = System.nanoTime();
            await().atMost(WsClient.TIMEOUT).until(() -> quiet.pings() >= 4 || quiet.isClosed());
            assertFalse(quiet.isClosed(), "closed with " + (quiet.isClosed() ? quiet.awaitClose() : 0));
            assertTrue(System.nanoTime() - openedNs > Duration.ofMillis(400 * 2).toNanos(),
                    "four pings, each after 200 ms of silence, take longer than two idle timeouts");
            assertTrue(quiet.send("{\"op\":\"ping\",\"rid\":\"p\"}").reply("p").contains("\"op\":\"pong\""));
        }
    }

    @Test
    void shouldTellTheHeartbeatInWelcome() throws Exception {
        try (TestServer server = TestServer.start(dir, SHORT_IDLE);
             WsClient c = WsClient.connect(server.port())) {
            c.send("{\"op\":\"hello\",\"client\":\"hb-1\"}");
            String welcome = c.await(f -> f.contains("\"op\":\"welcome\""));
            assertTrue(welcome.contains("\"heartbeat_ms\":100"), welcome);
        }
    }

    @Test
    void shouldReassembleAFragmentedTextMessage() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient c = server.hello("frag-1")) {
            c.sendFragmented("{\"op\":\"pub\",\"rid\":\"f1\",\"room\":\"fr", "ag\",\"body\":{\"part\":2}}");
            String ok = c.reply("f1");
            assertTrue(ok.contains("\"op\":\"ok\"") && ok.contains("\"room\":\"frag\""), ok);
            assertTrue(server.get("/api/v1/rooms/frag/messages").body().contains("{\"part\":2}"));
        }
    }
}
