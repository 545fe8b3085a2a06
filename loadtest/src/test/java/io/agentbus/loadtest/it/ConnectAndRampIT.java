package io.agentbus.loadtest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect storm and the ramp against the real daemon, in-process: structure, not figures. */
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
            assertTrue(!steps.isEmpty() && steps.size() <= 2, ramp.toString());
            Map<String, Object> first = (Map<String, Object>) ((Map<String, Object>) steps.get(0)).get("result");
            assertEquals(0L, Reports.number(first, "lost"));
            assertNotNull(ramp.get("knee_rate_per_second"));
            assertTrue(run.out().contains("knee:"), run.printed());
        }
    }
}
