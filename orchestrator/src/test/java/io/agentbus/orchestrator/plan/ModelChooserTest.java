package io.agentbus.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.config.ConfigLoader;
import io.agentbus.orchestrator.config.Measures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelChooserTest {
    private final ModelChooser chooser = new ModelChooser(ConfigLoader.defaults());

    @ParameterizedTest(name = "{0} with files={1} loc={2} subtasks={3} → {4}")
    @CsvSource({
        // coordinator on the strongest model when files > 30 or subtasks > 10
        "coordinator, 30, 4500,  10, sonnet",
        "coordinator, 31, 4650,  10, opus",
        "coordinator, 10, 1500,  11, opus",
        // tester on the cheapest when files <= 20
        "tester,      20, 3000,  3, haiku",
        "tester,      21, 3150,  3, sonnet",
        // coder on the cheapest when files < 5 and LOC < 500 (both)
        "coder,       4,  499,   1, haiku",
        "coder,       4,  500,   1, sonnet",
        "coder,       5,  100,   1, sonnet",
        // reviewer on the strongest past 60 files
        "reviewer,    60, 9000,  3, sonnet",
        "reviewer,    61, 9150,  3, opus",
        "documenter,  100, 15000, 3, haiku",
        "researcher,  100, 15000, 3, sonnet",
    })
    void shouldPickEachRolesModelTier(String role, int files, long loc, int subtasks, String model) {
        Choice<String> choice = chooser.choose(role, new Measures(files, loc, subtasks, 1, 1.0, loc * 10));
        assertEquals(model, choice.value(), choice.reason());
        assertTrue(choice.reason().contains("tier"), choice.reason());
    }
}
