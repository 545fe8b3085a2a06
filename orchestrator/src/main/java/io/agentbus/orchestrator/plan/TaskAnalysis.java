package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.Measures;
import java.util.List;
import java.util.Map;

/**
 * What the planner knows about a task.
 *
 * @param files             files the job touches
 * @param filesSource       where {@code files} comes from ("task text", "repository", or the estimate)
 * @param loc               lines of code (measured with a repository, else files × lines per file)
 * @param languages         files per language from the repository (empty without one)
 * @param hasTests          whether the repository has tests ({@code null} without a repository)
 * @param subtasks          the task split on its own enumerations and sentences
 * @param depth             dependency depth: the longest chain of subtasks that must run in order
 * @param parallelisability 0 (every subtask waits for the one before) to 1 (all independent)
 * @param contextTokens     estimated context size: LOC × tokens per line
 * @param hours             estimated hours of agent work
 * @param complexity        0 to 10
 */
public record TaskAnalysis(String task, int files, String filesSource, long loc, Map<String, Integer> languages,
                           Boolean hasTests, List<String> subtasks, int depth, double parallelisability,
                           long contextTokens, double hours, double complexity) {

    /** The measures the configuration's conditions test. */
    public Measures measures() {
        return new Measures(files, loc, subtasks.size(), depth, hours, contextTokens);
    }
}
