package io.agentbus.loadtest.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI smoke of the harness: a short fan-out against the real daemon, in-process. */
@Tag("slow")
class FanoutSmokeIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeliverEveryMessageToEveryConnectionAndWriteTheReport() throws Exception {
        try (LiveDaemon daemon = LiveDaemon.start(dir.resolve("data"))) {
            LoadtestRun run = LoadtestRun.run(dir.resolve("out"), "fanout", "--url", daemon.url(),
                    "--connections", "100", "--publishers", "5", "--rate", "100", "--duration", "5s",
                    "--warmup", "1s");
            Map<String, Object> json = Reports.assertPassed(run, "fanout", "agentbus", 100, 100);
            Map<String, Object> result = (Map<String, Object>) json.get("result");
            assertTrue(Reports.number((Map<String, Object>) result.get("ack_latency_ms"), "count") > 0, result.toString());
            assertTrue(Reports.number(result, "acked") == Reports.number(result, "sent"), result.toString());
        }
    }
}
