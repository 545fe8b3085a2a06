package io.agentbus.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskAnalyzerTest {
    private final TaskAnalyzer analyzer = new TaskAnalyzer(ConfigLoader.defaults().analysis());

    @Test
    void shouldSplitTheTasksOwnEnumerationAndReadItsFileCount() {
        TaskAnalysis a = analyzer.analyze("Build a REST API with auth, users and orders (25 files)", null);
        assertEquals(List.of("Build a REST API: auth", "Build a REST API: users", "Build a REST API: orders"),
                a.subtasks());
        assertEquals(25, a.files());
        assertEquals("task text", a.filesSource());
        assertEquals(25 * 150, a.loc());
        assertEquals(37_500, a.contextTokens());
        assertEquals(1, a.depth());
        assertEquals(1.0, a.parallelisability());
        assertEquals(25 * 0.1 + 3 * 0.25, a.hours(), 1e-9);
        assertNull(a.hasTests());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fix the typo in README.md                                             | 1 | 1",
        "Design the schema, then implement the API, then write the tests       | 3 | 3",
        "Add login, logout, and password reset. Document the endpoints.         | 4 | 1",
        "Write the parser. Then add the CLI; finally package it                 | 3 | 3",
    })
    void shouldCountSubtasksAndDependencyDepth(String task, int subtasks, int depth) {
        TaskAnalysis a = analyzer.analyze(task, null);
        assertEquals(subtasks, a.subtasks().size(), a.subtasks().toString());
        assertEquals(depth, a.depth(), a.subtasks().toString());
    }

    @Test
    void shouldTakeListItemsAsSubtasks() {
        TaskAnalysis a = analyzer.analyze("Release 2.0:\n- bump versions\n- write the changelog\n3. tag it", null);
        assertEquals(List.of("bump versions", "write the changelog", "tag it"), a.subtasks());
    }

    @Test
    void shouldPreferTheRepositoryOverTheEstimateAndTheTextOverBoth() {
        RepoFacts repo = new RepoFacts(40, 9000, Map.of("Java", 40), true);
        TaskAnalysis measured = analyzer.analyze("Add caching to the service", repo);
        assertEquals(40, measured.files());
        assertEquals("repository", measured.filesSource());
        assertEquals(9000, measured.loc());
        assertEquals(Boolean.TRUE, measured.hasTests());
        TaskAnalysis told = analyzer.analyze("Add caching to 7 files", repo);
        assertEquals(7, told.files());
        TaskAnalysis guessed = analyzer.analyze("Add caching to the service", null);
        assertEquals(4, guessed.files());
        assertTrue(guessed.filesSource().startsWith("estimate"), guessed.filesSource());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fix a typo                                                      | 0.0 | 0.5",
        "Build a distributed, secure payment system with auth and encryption (100 files) | 6.0 | 10.0",
    })
    void shouldScoreComplexityBetweenZeroAndTen(String task, double atLeast, double atMost) {
        double c = analyzer.analyze(task, null).complexity();
        assertTrue(c >= atLeast && c <= atMost, "complexity " + c);
    }

    @Test
    void shouldRefuseABlankTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyze("  ", null));
        assertTrue(e.getMessage().contains("task is empty"), e.getMessage());
    }
}
