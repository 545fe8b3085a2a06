package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes {@code FINAL_REPORT.md} and {@code final-report.json} into a job's workspace. */
final class ReportWriter {
    static final String MARKDOWN = "FINAL_REPORT.md";
    static final String JSON = "final-report.json";
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportWriter() {
    }

    static void write(JobReport report, Path workspace) {
        try {
            Files.createDirectories(workspace);
            Files.writeString(workspace.resolve(JSON),
                    MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
            Files.writeString(workspace.resolve(MARKDOWN), markdown(report.json(), 1));
        } catch (IOException e) {
            LOG.error("job {}: cannot write the report into {}: {}", report.jobId(), workspace, e.toString());
        }
    }

    static String markdown(JsonNode r, int level) {
        StringBuilder md = new StringBuilder();
        String h = "#".repeat(level);
        md.append(h).append(" Job ").append(r.path("job").asText()).append(" — ").append(r.path("status").asText())
                .append("\n\n");
        md.append("- Task: ").append(r.path("task").asText()).append('\n');
        md.append("- Room: `").append(r.path("room").asText()).append("`, depth ").append(r.path("depth").asInt())
                .append(", strategy ").append(r.path("strategy").asText()).append('\n');
        md.append(String.format(Locale.ROOT, "- Cost: $%.4f (estimated $%.2f); duration %.1f s%n",
                r.path("cost_usd").asDouble(), r.path("estimated_cost_usd").asDouble(),
                r.path("duration_ms").asLong() / 1000.0));
        md.append("\n").append(h).append("# Tasks\n\n| task | title | assignee | worker | status | time (s) | cost (USD) "
                + "| notes |\n|---|---|---|---|---|---|---|---|\n");
        for (JsonNode t : r.path("tasks")) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.4f | %s |%n",
                    t.path("task_id").asText(), cell(t.path("title").asText()), t.path("assignee").asText(),
                    t.path("worker").asText("—"), t.path("status").asText(),
                    t.has("duration_ms") ? String.format(Locale.ROOT, "%.1f", t.get("duration_ms").asLong() / 1000.0)
                            : "—", t.path("cost_usd").asDouble(), cell(String.join("; ", texts(t.path("notes"))))));
        }
        section(md, h, "Reviews", r.path("reviews"), "round", "task_id", "trigger", "action", "reason");
        section(md, h, "Decisions", r.path("decisions"), "decision", "task_id", "title", "status");
        section(md, h, "Escalations", r.path("escalations"), "task_id", "round", "reason");
        section(md, h, "Warnings", r.path("warnings"), "task_id", "round", "reason");
        section(md, h, "Rejected messages", r.path("rejected_messages"), "offset", "from", "reason");
        for (JsonNode t : r.path("tasks")) {
            if (t.has("child")) {
                md.append('\n').append(h).append("# Child job of ").append(t.path("task_id").asText()).append("\n\n")
                        .append(markdown(t.get("child"), level + 2));
            }
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String h, String title, JsonNode items, String... fields) {
        md.append('\n').append(h).append("# ").append(title).append("\n\n");
        if (items.isEmpty()) {
            md.append("None.\n");
            return;
        }
        for (JsonNode item : items) {
            md.append("-");
            for (String f : fields) {
                if (item.has(f)) {
                    md.append(' ').append(f).append(": ").append(cell(item.get(f).asText())).append(';');
                }
            }
            md.setLength(md.length() - 1);
            md.append('\n');
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
