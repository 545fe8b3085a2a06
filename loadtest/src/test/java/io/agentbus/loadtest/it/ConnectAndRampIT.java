package io.agentbus.loadtest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect storm and the ramp against the real daemon, in-process: structure, not figures. */
@Tag("slow")
class ConnectAndRampIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldOpenEveryConnectionAndReadTheServersMemoryFromHealth() throws Exception {
        try (LiveDaemon daemon = LiveDaemon.start(dir.resolve("data"))) {
            LoadtestRun run = LoadtestRun.run(dir.resolve("out"), "connect", "--url", daemon.url(),
                    "--connections", "60", "--rooms", "12", "--hold", "200ms");
            System.out.println(run.printed());
            assertEquals(0, run.status(), run.printed());
            Map<String, Object> json = run.results();
            assertEquals(60L, Reports.number((Map<String, Object>) json.get("connect"), "ready"));
            List<Object> memory = (List<Object>) ((Map<String, Object>) json.get("storm")).get("memory");
            Map<String, Object> health = (Map<String, Object>) memory.get(0);
            assertTrue(((String) health.get("probe")).startsWith("health("), health.toString());
            assertNotNull(health.get("bytes_per_connection"), health.toString());
            assertTrue(run.out().contains("per connection"), run.printed());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunRampStepsAndReportTheKnee() throws Exception {
        try (LiveDaemon daemon = LiveDaemon.start(dir.resolve("data"))) {
            LoadtestRun run = LoadtestRun.run(dir.resolve("out"), "ramp", "--url", daemon.url(),
                    "--connections", "20", "--publishers", "2", "--start-rate", "20", "--step-factor", "2",
                    "--step-duration", "1s", "--max-steps", "2", "--warmup", "500ms");
            System.out.println(run.printed());
            assertEquals(0, run.status(), run.printed());
            Map<String, Object> ramp = (Map<String, Object>) run.results().get("ramp");
            List<Object> steps = (List<Object>) ramp.get("steps");
            double knee = 0;
            long deliveries = 0;
            long acks = 0;
            for (int i = 0; i < steps.size(); i++) {
                Map<String, Object> step = (Map<String, Object>) steps.get(i);
                Map<String, Object> result = (Map<String, Object>) step.get("result");
                assertEquals(20.0 * Math.pow(2, i), ((Number) result.get("rate_per_second")).doubleValue(), ramp.toString());
                assertEquals(0L, Reports.number(result, "lost"), result.toString());
                boolean passed = (Boolean) step.get("passed");
                assertTrue(passed || i == steps.size() - 1, "the ramp goes on after a failed step: " + ramp);
                knee = passed ? 20.0 * Math.pow(2, i) : knee;
                deliveries += Reports.number((Map<String, Object>) result.get("latency_ms"), "count");
                acks += Reports.number((Map<String, Object>) result.get("ack_latency_ms"), "count");
            }
            assertEquals(knee, ((Number) ramp.get("knee_rate_per_second")).doubleValue(), ramp.toString());
            assertTrue(run.out().contains(String.format(Locale.ROOT, "knee: %.1f msg/s", knee)), run.printed());
            Reports.assertHlogHolds(run.dir(), deliveries, acks);
        }
    }
}
