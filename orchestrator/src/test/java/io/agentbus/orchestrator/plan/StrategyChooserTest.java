package io.agentbus.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agentbus.orchestrator.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrategyChooserTest {
    private final StrategyChooser chooser = new StrategyChooser(ConfigLoader.defaults().strategy());

    @ParameterizedTest(name = "files={0} context={1} hours={2} subtasks={3} → {4}")
    @CsvSource({
        // single: files <= 4 and subtasks <= 2
        "1,   1500,   0.5, 1, SINGLE",
        "4,   6000,   0.5, 2, SINGLE",
        "4,   6000,   0.5, 3, AGENTS",
        "5,   7500,   0.5, 1, AGENTS",
        // agents: files <= 15 and context < 100K and hours < 2
        "15,  22500,  1.99, 3, AGENTS",
        "16,  24000,  1.0, 3, BRIDGE_SMALL",
        "15,  99999,  1.0, 3, AGENTS",
        "15,  100000, 1.0, 3, BRIDGE_SMALL",
        "15,  22500,  2.0, 3, BRIDGE_SMALL",
        // bridge-small up to 30 files, medium up to 60, large above
        "30,  45000,  3.0, 3, BRIDGE_SMALL",
        "31,  46500,  3.0, 3, BRIDGE_MEDIUM",
        "60,  90000,  6.0, 3, BRIDGE_MEDIUM",
        "61,  91500,  6.0, 3, BRIDGE_LARGE",
        "500, 750000, 50,  3, BRIDGE_LARGE",
    })
    void shouldChooseTheStrategyOfEachBoundary(int files, long context, double hours, int subtasks,
                                               Strategy expected) {
        Choice<Strategy> choice = chooser.choose(Analyses.of(files, context, hours, subtasks, 1));
        assertEquals(expected, choice.value(), choice.reason());
        assertFalse(choice.reason().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "16 files  | 16 | 1000 | 1.0 | files 16 > 15",
        "context   | 10 | 100000 | 1.0 | context 100K >= 100K",
        "hours     | 10 | 1000 | 2.5 | hours 2.5 >= 2.0",
    })
    void shouldSayWhyATaskIsTooBigForAgents(String label, int files, long context, double hours, String why) {
        Choice<Strategy> choice = chooser.choose(Analyses.of(files, context, hours, 3, 1));
        assertEquals(Strategy.BRIDGE_SMALL, choice.value());
        org.junit.jupiter.api.Assertions.assertTrue(choice.reason().contains(why), choice.reason());
    }
}
