package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.orchestrator.plan.PlanJson;

/**
 * The final report of a job, as the JSON of {@code final-report.json}: per task its status, who
 * did it, when, for how long, at what cost, its notes and (for a task that became a child job)
 * the child's report; the review rounds, decisions, escalations, warnings and rejected messages.
 */
public record JobReport(String jobId, String room, JobStatus status, double costUsd, ObjectNode json) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static JobReport of(Job job) {
        ObjectNode root = NODES.objectNode();
        root.put("job", job.options.jobId());
        root.put("room", job.options.room());
        root.put("depth", job.depth);
        root.put("task", job.plan.analysis().task());
        root.put("status", job.status.wireName());
        root.put("started_ms", job.startedMs);
        root.put("ended_ms", job.endedMs);
        root.put("duration_ms", job.endedMs - job.startedMs);
        double cost = job.tasks.values().stream().mapToDouble(t -> t.costUsd).sum();
        root.put("cost_usd", round(cost));
        root.put("estimated_cost_usd", job.plan.cost().totalUsd());
        root.put("strategy", job.plan.strategy().value().wireName());
        root.set("task_counts", counts(job));
        ArrayNode tasks = root.putArray("tasks");
        job.tasks.values().forEach(t -> tasks.add(task(t)));
        ArrayNode reviews = root.putArray("reviews");
        job.desk.rounds().forEach(r -> reviews.add(round(r)));
        ArrayNode decisions = root.putArray("decisions");
        job.desk.decisions().forEach(decisions::add);
        root.putArray("escalations").addAll(job.escalations);
        root.putArray("warnings").addAll(job.warnings);
        root.putArray("rejected_messages").addAll(job.rejected);
        root.set("plan", PlanJson.toJson(job.plan));
        return new JobReport(job.options.jobId(), job.options.room(), job.status, round(cost), root);
    }

    /** {@code {"completed": n, "failed": n, …}} over the statuses of the tasks. */
    public ObjectNode taskCounts() {
        return json.get("task_counts").deepCopy();
    }

    private static ObjectNode counts(Job job) {
        ObjectNode counts = NODES.objectNode();
        for (TaskStatus s : TaskStatus.values()) {
            long n = job.tasks.values().stream().filter(t -> t.status == s).count();
            if (n > 0) {
                counts.put(s.wireName(), n);
            }
        }
        return counts;
    }

    private static ObjectNode task(TaskRecord t) {
        ObjectNode node = NODES.objectNode();
        node.put("task_id", t.id());
        node.put("title", t.assignment.title());
        node.put("role", t.assignment.role());
        node.put("assignee", t.assignment.assignee());
        if (t.worker != null) {
            node.put("worker", t.worker);
        }
        node.put("status", t.status.wireName());
        if (t.startedTs > 0) {
            node.put("started_ms", t.startedTs);
        }
        if (t.endedTs > 0) {
            node.put("ended_ms", t.endedTs);
            if (t.startedTs > 0) {
                node.put("duration_ms", t.endedTs - t.startedTs);
            }
        }
        node.put("cost_usd", round(t.costUsd));
        node.put("tokens_in", t.tokensIn);
        node.put("tokens_out", t.tokensOut);
        ArrayNode notes = node.putArray("notes");
        t.notes.forEach(notes::add);
        if (t.child != null) {
            node.set("child", t.child.json());
        }
        return node;
    }

    private static ObjectNode round(ReviewRound r) {
        ObjectNode node = NODES.objectNode();
        node.put("round", r.id);
        node.put("task_id", r.taskId);
        node.put("trigger", r.trigger);
        ArrayNode reviews = node.putArray("reviews");
        for (ReviewRound.Review review : r.reviews.values()) {
            ObjectNode one = reviews.addObject();
            one.put("reviewer", review.reviewer());
            one.put("verdict", review.verdict());
            one.put("reason", review.reason());
        }
        node.put("action", r.action == null ? "open" : r.action.wireName());
        if (r.reason != null) {
            node.put("reason", r.reason);
        }
        return node;
    }

    private static double round(double usd) {
        return Math.round(usd * 10_000) / 10_000.0;
    }
}
