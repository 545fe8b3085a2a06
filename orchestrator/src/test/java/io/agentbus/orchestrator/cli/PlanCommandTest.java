package io.agentbus.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final String TASK = "Build a REST API with auth, users and orders (25 files)";

    @Test
    void shouldPrintThePlanAsATable() {
        CliRun run = CliRun.of("plan", TASK);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Strategy: bridge-small"), run.toString());
    }

    @Test
    void shouldPrintThePlanAsJson() throws Exception {
        CliRun run = CliRun.of("plan", TASK, "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertEquals("bridge-small", plan.at("/strategy/name").asText());
    }

    @Test
    void shouldMeasureTheRepositoryGiven(@TempDir Path repo) throws Exception {
        for (int i = 0; i < 35; i++) {
            Files.writeString(repo.resolve("F" + i + ".java"), "class F" + i + " {}\n");
        }
        CliRun run = CliRun.of("plan", "Add caching to the service", "--repo", repo.toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertEquals(35, plan.at("/analysis/files").asInt());
        assertEquals("bridge-medium", plan.at("/strategy/name").asText());
    }

    @Test
    void shouldApplyTheConfigGiven(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.json"), "{\"strategy\":{\"small_max_files\":20}}");
        CliRun run = CliRun.of("plan", TASK, "--config", config.toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("bridge-medium", new ObjectMapper().readTree(run.out()).at("/strategy/name").asText());
    }

    @Test
    void shouldRefuseABadConfigFileWithUsageStatus(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.json"), "{\"strategy\":{\"bogus\":1}}");
        CliRun run = CliRun.of("plan", TASK, "--config", config.toString());
        assertEquals(64, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unknown field 'strategy.bogus'"), run.toString());
    }

    @Test
    void shouldRefuseAMissingRepository(@TempDir Path dir) {
        CliRun run = CliRun.of("plan", TASK, "--repo", dir.resolve("nope").toString());
        assertEquals(64, run.exitCode(), run.toString());
        assertTrue(run.err().contains("not a directory"), run.toString());
    }

    @Test
    void shouldRefuseABlankTaskAndAMissingOne() {
        CliRun blank = CliRun.of("plan", " ");
        assertEquals(64, blank.exitCode(), blank.toString());
        assertTrue(blank.err().contains("task is empty"), blank.toString());
        CliRun missing = CliRun.of("plan");
        assertEquals(64, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("Missing required parameter"), missing.toString());
        CliRun unknown = CliRun.of("plan", TASK, "--jsn");
        assertEquals(64, unknown.exitCode(), unknown.toString());
    }
}
