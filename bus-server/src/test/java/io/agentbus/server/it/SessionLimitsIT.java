package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's time limits and frame reassembly, over a real socket. */
class SessionLimitsIT {
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
    void shouldCloseAConnectionSilentForLongerThanTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.start(dir, SHORT_IDLE);
             WsClient idle = server.hello("idle-1")) {
            assertEquals(1000, idle.awaitClose());
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
