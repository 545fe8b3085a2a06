package io.agentbus.orchestrator.config;

import java.util.List;
import java.util.Map;

/**
 * Estimates used where the task text and the repository say nothing: lines per file, tokens per
 * line (the context size), files per subtask, hours per file and per subtask; the directories a
 * repository scan skips and the file extensions it counts as code, by language.
 */
public record AnalysisSettings(int linesPerFile, int tokensPerLine, int filesPerSubtask, double hoursPerFile,
                               double hoursPerSubtask, double minHours, Complexity complexity,
                               List<String> ignoredDirs, Map<String, String> languages) {

    void validate() {
        ConfigException.positive(linesPerFile, "analysis.lines_per_file");
        ConfigException.positive(tokensPerLine, "analysis.tokens_per_line");
        ConfigException.positive(filesPerSubtask, "analysis.files_per_subtask");
        ConfigException.notNegative(hoursPerFile, "analysis.hours_per_file");
        ConfigException.notNegative(hoursPerSubtask, "analysis.hours_per_subtask");
        ConfigException.positive(minHours, "analysis.min_hours");
        ConfigException.check(complexity != null, "analysis.complexity", "is missing");
        complexity.validate();
        ConfigException.check(ignoredDirs != null, "analysis.ignored_dirs", "must be a list");
        ConfigException.check(languages != null && !languages.isEmpty(), "analysis.languages",
                "must map at least one file extension to a language");
    }
}
