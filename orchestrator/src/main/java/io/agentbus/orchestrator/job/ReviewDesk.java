package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.orchestrator.plan.Member;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Propose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A job's review rounds and room decisions. A round asks the team's reviewers (the members whose
 * role is in {@code job.review_roles}, but not the task's own assignee) with a
 * {@code review_request}, collects {@code review}s until each has answered or the review timeout
 * passes, and applies {@link ReviewRule}. One round per task at a time. Architecture questions
 * become a room decision (majority, with the configured deadline) instead.
 */
final class ReviewDesk {
    private final Job job;
    private final Map<String, ReviewRound> rounds = new LinkedHashMap<>();
    private final Map<String, ObjectNode> decisions = new LinkedHashMap<>();
    private int roundCount;

    ReviewDesk(Job job) {
        this.job = job;
    }

    void openRound(TaskRecord task, String trigger) {
        if (task.status.terminal() || openRoundOf(task.id()) != null) {
            return;
        }
        List<String> reviewers = reviewers(task);
        ReviewRound round = new ReviewRound("r-" + (++roundCount), task.id(), trigger, reviewers);
        rounds.put(round.id, round);
        ObjectNode ask = job.room.body("review_request");
        ask.put("round", round.id);
        ask.put("task_id", task.id());
        ask.put("trigger", trigger);
        ArrayNode to = ask.putArray("reviewers");
        reviewers.forEach(to::add);
        ask.put("timeout_ms", job.orchestrator.settings().reviewTimeoutMs());
        job.room.publish(ask);
        if (reviewers.isEmpty()) {
            close(round, ReviewAction.CONTINUE, "no reviewer in the team");
            return;
        }
        round.timeout = job.orchestrator.schedule(() -> timedOut(round),
                job.orchestrator.settings().reviewTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    void onReview(JobEvent e) {
        String roundId = e.text("round");
        ReviewRound round = roundId != null ? rounds.get(roundId) : openRoundOf(e.taskId());
        if (round == null || !round.taskId.equals(e.taskId())) {
            job.reject(e.offset(), e.from(), "'review' for " + e.taskId() + " matches no review round"
                    + (roundId == null ? "" : " '" + roundId + "'"));
            return;
        }
        if (!round.open()) {
            return;
        }
        String reason = e.text("reason") == null ? "" : e.text("reason");
        round.reviews.put(e.worker(), new ReviewRound.Review(e.worker(), e.text("verdict"), reason));
        if (round.complete()) {
            ReviewAction action = ReviewRule.decide(round.verdicts());
            close(round, action, reasons(round));
        }
    }

    private void timedOut(ReviewRound round) {
        if (!round.open() || job.finished()) {
            return;
        }
        if (round.reviews.isEmpty()) {
            close(round, ReviewAction.LOG_WARNING, "no review arrived within "
                    + job.orchestrator.settings().reviewTimeoutMs() + " ms");
        } else {
            close(round, ReviewRule.decide(round.verdicts()), partial(round, "timed out"));
        }
        job.checkEnd();
    }

    private void close(ReviewRound round, ReviewAction action, String reason) {
        record(round, action, reason);
        apply(round, job.tasks.get(round.taskId));
        job.checkEnd();
    }

    /** Decides the round, and says so in the room. */
    private void record(ReviewRound round, ReviewAction action, String reason) {
        round.action = action;
        round.reason = reason;
        if (round.timeout != null) {
            round.timeout.cancel(false);
        }
        ObjectNode result = job.room.body("review_result");
        result.put("round", round.id);
        result.put("task_id", round.taskId);
        result.put("trigger", round.trigger);
        ObjectNode verdicts = result.putObject("verdicts");
        round.reviews.values().forEach(r -> verdicts.put(r.reviewer(), r.verdict()));
        result.put("action", action.wireName());
        result.put("reason", reason);
        job.room.publish(result);
    }

    private void apply(ReviewRound round, TaskRecord task) {
        switch (round.action) {
            case LOG_WARNING -> job.warn(task.id(), round.id, round.reason);
            case PAUSE_AND_CLARIFY -> {
                task.pause();
                job.tell("pause", task, "review " + round.id + ": " + round.reason);
                ObjectNode clarify = job.room.body("clarify");
                clarify.put("task_id", task.id());
                clarify.put("round", round.id);
                clarify.put("to", task.worker != null ? task.worker : task.assignment.assignee());
                ArrayNode questions = clarify.putArray("questions");
                round.reviews.values().stream().filter(r -> r.verdict().equals("concern"))
                        .forEach(r -> questions.add(r.reviewer() + ": " + r.reason()));
                job.room.publish(clarify);
            }
            case STOP_AND_ESCALATE -> {
                job.tell("stop", task, "review " + round.id + ": " + round.reason);
                job.escalate(task, round.id, round.reason);
            }
            default -> {
            }
        }
    }

    /** Opens a room decision for an architecture question of {@code task}. */
    void openDecision(TaskRecord task, JobEvent e) {
        String question = e.firstText("question", "text", "message", "reason");
        String title = "[" + task.id() + "] " + (question == null ? "architecture question" : question);
        Duration deadline = Duration.ofMillis(job.orchestrator.settings().decisionDeadlineMs());
        job.orchestrator.client().propose(job.options.room(), title, DecisionRule.MAJORITY, Propose.DEFAULT_QUORUM,
                deadline).whenCompleteAsync((id, error) -> decisionOpened(task, title, id, error),
                job.orchestrator.executor());
    }

    private void decisionOpened(TaskRecord task, String title, String id, Throwable error) {
        if (error != null) {
            job.warn(task.id(), null, "cannot open a decision: " + error.getMessage());
            return;
        }
        ObjectNode body = job.room.body("decision_opened");
        body.put("task_id", task.id());
        body.put("decision", id);
        body.put("title", title);
        decisions.put(id, body.deepCopy());
        job.room.publish(body);
    }

    /** A {@code decision} frame of the room: records the outcome of the decisions this job opened. */
    void onDecision(DecisionUpdate update) {
        ObjectNode record = decisions.get(update.decision());
        if (record == null || update.status() == DecisionStatus.OPEN || record.has("status")) {
            return;
        }
        String status = update.status().name().toLowerCase(Locale.ROOT);
        record.put("status", status);
        record.put("yes", update.yes());
        record.put("no", update.no());
        record.put("veto", update.veto());
        ObjectNode body = record.deepCopy();
        body.put("type", "decision_closed");
        job.room.publish(body);
    }

    /**
     * Closes the rounds still open when the job ends (its tasks have ended, so nothing is paused,
     * stopped or escalated any more): decided by the reviews that arrived; with none, a warning.
     */
    void closeAtEnd() {
        for (ReviewRound round : rounds.values()) {
            if (!round.open()) {
                continue;
            }
            if (round.reviews.isEmpty()) {
                record(round, ReviewAction.LOG_WARNING, "no review arrived before the job ended");
            } else {
                record(round, ReviewRule.decide(round.verdicts()), partial(round, "the job ended"));
            }
            if (round.action == ReviewAction.LOG_WARNING) {
                job.warn(round.taskId, round.id, round.reason);
            }
        }
    }

    private static String partial(ReviewRound round, String why) {
        return reasons(round) + " (" + why + " with " + round.reviews.size() + " of " + round.reviewers.size()
                + " reviews)";
    }

    List<ReviewRound> rounds() {
        return new ArrayList<>(rounds.values());
    }

    List<ObjectNode> decisions() {
        return new ArrayList<>(decisions.values());
    }

    private ReviewRound openRoundOf(String taskId) {
        for (ReviewRound r : rounds.values()) {
            if (r.open() && r.taskId.equals(taskId)) {
                return r;
            }
        }
        return null;
    }

    private List<String> reviewers(TaskRecord task) {
        List<String> out = new ArrayList<>();
        for (Member m : job.plan.team().members()) {
            boolean reviews = job.orchestrator.settings().reviewRoles().contains(m.role());
            if (reviews && !m.id().equals(task.assignment.assignee()) && !m.id().equals(task.worker)) {
                out.add(m.id());
            }
        }
        return out;
    }

    private static String reasons(ReviewRound round) {
        List<String> parts = new ArrayList<>();
        for (ReviewRound.Review r : round.reviews.values()) {
            if (!r.verdict().equals("approve")) {
                parts.add(r.reviewer() + " " + r.verdict() + (r.reason().isEmpty() ? "" : ": " + r.reason()));
            }
        }
        return parts.isEmpty() ? "all " + round.reviews.size() + " approve" : String.join("; ", parts);
    }
}
