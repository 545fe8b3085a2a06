package io.agentbus.loadtest.it;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same smoke against a real nats-server over WebSocket (skipped where nats-server is not installed). */
@Tag("slow")
class NatsSmokeIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldDriveNatsServerOverWebSocketWithTheSameHarness() throws Exception {
        assumeTrue(Files.isExecutable(NatsServer.BINARY), "nats-server is not installed at " + NatsServer.BINARY);
        try (NatsServer nats = NatsServer.start(dir)) {
            LoadtestRun run = LoadtestRun.run(dir.resolve("out"), "fanout", "--target", "nats", "--url", nats.url(),
                    "--connections", "40", "--publishers", "4", "--rate", "200", "--duration", "3s", "--warmup", "1s");
            Map<String, Object> json = Reports.assertPassed(run, "fanout", "nats", 40, 40);
            assertNull(((Map<String, Object>) json.get("result")).get("ack_latency_ms"), "NATS has no publish ack");
        }
    }
}
