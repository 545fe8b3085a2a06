package io.agentbus.loadtest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --url A,B}: connection i goes to URL i % 2. Against two separate daemons the rooms
 * scenario with an even number of rooms puts every room's members on one daemon (room i % 12 and
 * daemon i % 2 agree), so the run passes only if each connection went where it should.
 */
@Tag("slow")
class SeveralUrlsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldSpreadTheConnectionsOverTheUrlsInTurn() throws Exception {
        try (LiveDaemon even = LiveDaemon.start(dir.resolve("even"));
             LiveDaemon odd = LiveDaemon.start(dir.resolve("odd"))) {
            LoadtestRun run = LoadtestRun.run(dir.resolve("out"), "rooms", "--url", even.url() + "," + odd.url(),
                    "--connections", "24", "--rooms", "12", "--rate-per-client", "10", "--duration", "2s",
                    "--warmup", "500ms");

            Map<String, Object> json = Reports.assertPassed(run, "rooms", "agentbus", 24, 2);
            assertEquals(even.url() + "," + odd.url(), json.get("url"));
            String evenRooms = rooms(even);
            String oddRooms = rooms(odd);
            assertTrue(evenRooms.contains("-r0\"") && !evenRooms.contains("-r1\""), evenRooms);
            assertTrue(oddRooms.contains("-r1\"") && !oddRooms.contains("-r0\""), oddRooms);
            assertFalse(evenRooms.contains("-r11\""), evenRooms);
        }
    }

    private static String rooms(LiveDaemon daemon) throws Exception {
        URI uri = URI.create(daemon.url().replace("ws://", "http://").replace("/ws", "/api/v1/rooms"));
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
