package io.agentbus.orchestrator.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/** One review round of a task: who is asked, what they answered, what was decided. */
final class ReviewRound {
    final String id;
    final String taskId;
    final String trigger;
    final List<String> reviewers;
    final Map<String, Review> reviews = new LinkedHashMap<>();
    ReviewAction action;
    String reason;
    ScheduledFuture<?> timeout;

    ReviewRound(String id, String taskId, String trigger, List<String> reviewers) {
        this.id = id;
        this.taskId = taskId;
        this.trigger = trigger;
        this.reviewers = List.copyOf(reviewers);
    }

    boolean open() {
        return action == null;
    }

    /** Whether as many reviews arrived as reviewers were asked (answers from others count too). */
    boolean complete() {
        return !reviews.isEmpty() && reviews.size() >= reviewers.size();
    }

    List<String> verdicts() {
        List<String> out = new ArrayList<>();
        reviews.values().forEach(r -> out.add(r.verdict()));
        return out;
    }

    /** One reviewer's answer. */
    record Review(String reviewer, String verdict, String reason) {
    }
}
