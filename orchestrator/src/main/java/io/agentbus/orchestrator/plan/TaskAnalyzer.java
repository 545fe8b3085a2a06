package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.AnalysisSettings;
import io.agentbus.orchestrator.config.Complexity;
import java.util.List;
import java.util.Map;

/** Task text + optional {@link RepoFacts} → {@link TaskAnalysis}, with the estimates of {@link AnalysisSettings}. */
public final class TaskAnalyzer {
    private final AnalysisSettings settings;

    public TaskAnalyzer(AnalysisSettings settings) {
        this.settings = settings;
    }

    /**
     * Analyses {@code task}; {@code repo} may be {@code null}.
     *
     * @throws IllegalArgumentException if the task is blank
     */
    public TaskAnalysis analyze(String task, RepoFacts repo) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("the task is empty: describe what to build");
        }
        TaskText text = TaskText.parse(task.strip());
        List<String> subtasks = text.subtasks();
        int files;
        String filesSource;
        if (text.fileCount() != null) {
            files = text.fileCount();
            filesSource = "task text";
        } else if (repo != null) {
            files = repo.files();
            filesSource = "repository";
        } else {
            files = subtasks.size() * settings.filesPerSubtask();
            filesSource = "estimate: " + subtasks.size() + " subtasks × " + settings.filesPerSubtask() + " files";
        }
        long loc = repo != null ? repo.loc() : (long) files * settings.linesPerFile();
        int depth = text.depth();
        double hours = Math.max(settings.minHours(),
                files * settings.hoursPerFile() + subtasks.size() * settings.hoursPerSubtask());
        return new TaskAnalysis(task.strip(), files, filesSource, loc, repo == null ? Map.of() : repo.languages(),
                repo == null ? null : repo.hasTests(), subtasks, depth, parallelisability(subtasks.size(), depth),
                loc * settings.tokensPerLine(), round(hours, 2),
                complexity(files, subtasks.size(), depth, text.keywordHits(settings.complexity().keywords())));
    }

    /** (subtasks − depth) / (subtasks − 1): 1 when none waits for another, 0 for one chain or one subtask. */
    static double parallelisability(int subtasks, int depth) {
        return subtasks <= 1 ? 0.0 : round((double) (subtasks - depth) / (subtasks - 1), 2);
    }

    private double complexity(int files, int subtasks, int depth, int keywordHits) {
        Complexity c = settings.complexity();
        double score = c.filesWeight() * fraction(files, c.filesForMax())
                + c.subtasksWeight() * fraction(subtasks, c.subtasksForMax())
                + c.depthWeight() * fraction(depth - 1, c.depthForMax() - 1)
                + Math.min(c.keywordsMax(), keywordHits * c.keywordPoints());
        return round(score, 1);
    }

    private static double fraction(double value, double forMax) {
        return forMax <= 0 ? 1.0 : Math.min(1.0, Math.max(0.0, value / forMax));
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
