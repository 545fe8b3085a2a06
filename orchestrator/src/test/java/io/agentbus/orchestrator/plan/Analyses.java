package io.agentbus.orchestrator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made {@link TaskAnalysis} values for the table-driven tests. */
final class Analyses {
    private Analyses() {
    }

    static TaskAnalysis of(int files, long contextTokens, double hours, int subtasks, int depth) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= subtasks; i++) {
            names.add("part " + i);
        }
        return new TaskAnalysis("test task", files, "test", contextTokens / 10, Map.of(), null, names, depth,
                TaskAnalyzer.parallelisability(subtasks, depth), contextTokens, hours, 5.0);
    }

    static TaskAnalysis files(int files) {
        return of(files, files * 1500L, 1.0, 3, 1);
    }
}
