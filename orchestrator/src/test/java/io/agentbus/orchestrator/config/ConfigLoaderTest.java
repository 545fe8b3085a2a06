package io.agentbus.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadTheBuiltInThresholds() {
        OrchestratorConfig config = ConfigLoader.defaults();
        assertEquals(15, config.strategy().agentsMaxFiles());
        assertEquals(30, config.strategy().smallMaxFiles());
        assertEquals(60, config.strategy().mediumMaxFiles());
        assertEquals(8, config.strategy().maxAgents());
        assertEquals(3, config.job().maxDepth());
        assertEquals(0.75, config.job().budgetWarnFraction());
    }

    @Test
    void shouldLayAnOverrideOverTheDefaultsFieldByField() throws Exception {
        Path file = write("{\"strategy\":{\"small_max_files\":40},\"prices\":{\"sonnet\":{\"input_per_mtok\":1.5,"
                + "\"output_per_mtok\":7.5}},\"job\":{\"max_depth\":2}}");
        OrchestratorConfig config = ConfigLoader.load(file);
        assertEquals(40, config.strategy().smallMaxFiles());
        assertEquals(60, config.strategy().mediumMaxFiles());
        assertEquals(1.5, config.prices().get("sonnet").inputPerMtok());
        assertEquals(15.0, config.prices().get("opus").inputPerMtok());
        assertEquals(2, config.job().maxDepth());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field      | {\"strategy\":{\"smal_max_files\":40}}                | unknown field 'strategy.smal_max_files'",
        "string for number  | {\"strategy\":{\"max_agents\":\"8\"}}                 | field 'strategy.max_agents'",
        "fraction for int   | {\"strategy\":{\"max_agents\":8.5}}                   | field 'strategy.max_agents'",
        "null for number    | {\"strategy\":{\"max_agents\":null}}                  | field 'strategy.max_agents'",
        "out of range       | {\"job\":{\"budget_warn_fraction\":1.5}}              | 'job.budget_warn_fraction' must be between 0 and 1",
        "unknown tier       | {\"models\":{\"roles\":{\"coder\":{\"default_tier\":\"huge\"}}}} | 'models.roles.coder.default_tier' must be one of",
        "model without price| {\"models\":{\"tiers\":{\"standard\":\"gpt-9\"}}}      | names model 'gpt-9', which has no entry in 'prices'",
        "empty condition    | {\"planning_mode\":{\"files_over\":null,\"subtasks_over\":null,\"depth_over\":null,\"hours_over\":null}} | 'planning_mode' needs at least one clause",
        "boundaries crossed | {\"strategy\":{\"medium_max_files\":20}}              | 'strategy.medium_max_files' must be >= small_max_files",
        "not an object      | [1,2]                                                  | must be a JSON object",
        "not JSON           | {strategy: 1}                                          | not valid JSON",
        "trailing comma     | {\"job\":{\"max_depth\":2,}}                           | not valid JSON",
        "bad range          | {\"strategy\":{\"small_agents\":{\"min\":3,\"max\":2}}} | 'strategy.small_agents' must have 1 <= min <= max",
    })
    void shouldRefuseABadFileNamingTheField(String label, String json, String message) throws Exception {
        Path file = write(json);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void shouldSayWhenTheFileIsMissing() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    private Path write(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "config", ".json"), json);
    }
}
