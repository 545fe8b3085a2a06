package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /health}: status, connections and memory, over a real socket. */
class HealthIT {
    private static final Pattern HEAP = Pattern.compile("\"memory\":\\{\"heap_used_bytes\":(\\d+),"
            + "\"netty_direct_bytes\":(-?\\d+),\"nio_direct_bytes\":(\\d+)}");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the two clients are open only to be counted
    void shouldReportStatusConnectionsAndMemory() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient one = server.hello("health-1");
             WsClient two = server.hello("health-2")) {
            HttpResponse<String> health = server.get("/health");
            assertEquals(200, health.statusCode());
            String body = health.body();
            assertTrue(body.startsWith("{\"status\":\"up\""), body);
            assertTrue(body.contains("\"connections\":2"), body);
            Matcher memory = HEAP.matcher(body);
            assertTrue(memory.find(), body);
            assertTrue(Long.parseLong(memory.group(1)) > 0, body);
        }
    }
}
