package io.agentbus.orchestrator.config;

import java.util.List;

/**
 * How the complexity score (0 to 10) is made: each measure contributes its weight times how far
 * it is towards the value that earns the whole weight, and each keyword of the task text that is
 * in {@link #keywords} adds {@link #keywordPoints}, up to {@link #keywordsMax}.
 */
public record Complexity(int filesForMax, double filesWeight, int subtasksForMax, double subtasksWeight,
                         int depthForMax, double depthWeight, double keywordPoints, double keywordsMax,
                         List<String> keywords) {

    void validate() {
        ConfigException.positive(filesForMax, "analysis.complexity.files_for_max");
        ConfigException.positive(subtasksForMax, "analysis.complexity.subtasks_for_max");
        ConfigException.positive(depthForMax, "analysis.complexity.depth_for_max");
        ConfigException.notNegative(filesWeight, "analysis.complexity.files_weight");
        ConfigException.notNegative(subtasksWeight, "analysis.complexity.subtasks_weight");
        ConfigException.notNegative(depthWeight, "analysis.complexity.depth_weight");
        ConfigException.notNegative(keywordPoints, "analysis.complexity.keyword_points");
        ConfigException.notNegative(keywordsMax, "analysis.complexity.keywords_max");
        double total = filesWeight + subtasksWeight + depthWeight + keywordsMax;
        ConfigException.check(Math.abs(total - 10.0) < 1e-9, "analysis.complexity",
                "weights and keywords_max must add up to 10, not " + total);
        ConfigException.check(keywords != null, "analysis.complexity.keywords", "must be a list");
    }
}
