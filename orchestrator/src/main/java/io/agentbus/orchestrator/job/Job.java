package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.plan.Assignment;
import io.agentbus.orchestrator.plan.Plan;
import io.agentbus.orchestrator.plan.PlanJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job in one room: publishes the plan and the assignments, then follows the workers' events
 * until every task has ended, the job is stopped, or the budget is spent. Runs on the
 * orchestrator's thread only.
 */
final class Job {
    private static final Logger LOG = LoggerFactory.getLogger(Job.class);
    /** What may still arrive for a task that has ended: what it cost, reviews, logs, controls. */
    private static final Set<String> AFTER_END = Set.of("cost", "review", "log", "heartbeat", "recovery", "pause",
            "resume", "stop");

    final Orchestrator orchestrator;
    final Plan plan;
    final JobOptions options;
    final int depth;
    final Job parent;
    final String parentTaskId;
    final RoomPublisher room;
    final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    final ReviewDesk desk;
    final List<ObjectNode> escalations = new ArrayList<>();
    final List<ObjectNode> warnings = new ArrayList<>();
    final List<ObjectNode> rejected = new ArrayList<>();
    /** The {@code ready} events of workers seen so far (a task acknowledged later is checked against them). */
    private final List<JobEvent> readies = new ArrayList<>();
    final CompletableFuture<JobReport> done = new CompletableFuture<>();
    final long startedMs;
    JobStatus status;
    long endedMs;
    private boolean stopping;
    private ScheduledFuture<?> idleTimer;

    Job(Orchestrator orchestrator, Plan plan, JobOptions options, int depth, Job parent, String parentTaskId) {
        this.orchestrator = orchestrator;
        this.plan = plan;
        this.options = options;
        this.depth = depth;
        this.parent = parent;
        this.parentTaskId = parentTaskId;
        this.room = new RoomPublisher(orchestrator.client(), options.room(), options.jobId());
        this.desk = new ReviewDesk(this);
        this.startedMs = System.currentTimeMillis();
        for (Assignment a : plan.assignments()) {
            tasks.put(a.taskId(), new TaskRecord(a, plan.team().withRole(a.role()).size() > 1));
        }
    }

    /** Publishes the plan and one {@code task} per assignment (the room is joined already). */
    void start() {
        ObjectNode planBody = room.body("plan");
        planBody.put("depth", depth);
        if (parent != null) {
            planBody.put("parent_room", parent.options.room());
            planBody.put("parent_task_id", parentTaskId);
        }
        planBody.set("plan", PlanJson.toJson(plan));
        room.publish(planBody);
        for (TaskRecord task : tasks.values()) {
            sendTask(task, false);
        }
        armIdleTimer();
    }

    /** Publishes {@code task}'s assignment and notes its offset once acknowledged. */
    private void sendTask(TaskRecord task, boolean again) {
        ObjectNode body = assignment(task);
        if (again) {
            body.put("resent", true);
        }
        room.publish(body).thenAcceptAsync(published -> acknowledged(task, published.offset()),
                orchestrator.executor());
    }

    private void acknowledged(TaskRecord task, long offset) {
        task.sentOffset = offset;
        readies.forEach(ready -> resendIfMissed(task, ready));
    }

    /**
     * The {@code task} message: to the role, and to the plan's member by name ({@code assignee}) only
     * when several members share the role, so one worker per role needs no particular name.
     */
    private ObjectNode assignment(TaskRecord task) {
        Assignment a = task.assignment;
        ObjectNode body = room.body("task");
        body.put("task_id", a.taskId());
        body.put("role", a.role());
        if (task.addressee != null) {
            body.put("assignee", task.addressee);
        }
        body.put("title", a.title());
        body.put("prompt", "Your part of the job \"" + plan.analysis().task() + "\": " + a.title()
                + ". Report started, progress, milestone, review_request, blocker, cost and completed or failed "
                + "events with task_id " + a.taskId() + ".");
        body.put("depth", depth);
        return body;
    }

    boolean finished() {
        return status != null;
    }

    /** A message of this job's room. */
    void onMessage(ReceivedMessage msg) {
        if (finished() || msg.from().equals(orchestrator.client().clientId())) {
            return;
        }
        JobEvent event;
        try {
            event = EventParser.parse(msg);
        } catch (BadEventException e) {
            reject(msg.offset(), msg.from(), e.getMessage());
            return;
        }
        if (event == null || isOtherJobs(event)) {
            return;
        }
        if (event.taskId() != null && !tasks.containsKey(event.taskId())) {
            reject(msg.offset(), msg.from(), "'" + event.type() + "' names unknown task '" + event.taskId() + "'");
            return;
        }
        TaskRecord task = event.taskId() == null ? null : tasks.get(event.taskId());
        if (task != null && task.status.terminal() && !AFTER_END.contains(event.type())) {
            afterEnd(task, event);
            return;
        }
        handle(event);
    }

    /** A worker's event names its task's job: one of another job that shares the room is not for this one. */
    private boolean isOtherJobs(JobEvent e) {
        String job = e.text("job");
        return job != null && !job.equals(options.jobId()) && !e.type().equals("review");
    }

    /**
     * An event for a task that has ended. One sequenced before the event that ended it was overtaken
     * (the bus delivers {@code high} before {@code normal}: a worker's {@code completed} or
     * {@code failed} may arrive before its last {@code progress}), and one for a task the orchestrator
     * or a control ended is the worker still catching up: both are noted. Anything else is rejected.
     */
    private void afterEnd(TaskRecord task, JobEvent e) {
        if (e.offset() >= task.endOffset) {
            reject(e.offset(), e.from(), "'" + e.type() + "' for " + task.id() + ", which has ended ("
                    + task.status.wireName() + ")");
            return;
        }
        if (task.worker == null) {
            task.worker = e.worker();
        }
        if (e.type().equals("started")) {
            task.startedTs = task.startedTs == 0 ? e.ts() : task.startedTs;
        } else {
            String text = e.firstText("summary", "text", "message", "reason");
            task.notes.add(e.type() + " (after the task ended)" + (text == null ? "" : ": " + text));
        }
    }

    private void handle(JobEvent e) {
        TaskRecord task = e.taskId() == null ? null : tasks.get(e.taskId());
        switch (e.type()) {
            case "started" -> started(task, e);
            case "completed" -> ended(task, TaskStatus.COMPLETED, e);
            case "failed" -> ended(task, TaskStatus.FAILED, e);
            case "cost" -> cost(task, e);
            case "ready" -> ready(e);
            case "milestone" -> noteAndReview(task, e, "milestone");
            case "review_request" -> reviewRequest(task, e);
            case "blocker" -> blocker(task, e);
            case "review" -> desk.onReview(e);
            case "pause", "resume", "stop" -> control(task, e);
            default -> note(task, e);
        }
        if (!e.type().equals("review") && !EventParser.CONTROLS.contains(e.type())) {
            armIdleTimer();
        }
        checkEnd();
    }

    private void started(TaskRecord task, JobEvent e) {
        if (task.status == TaskStatus.ASSIGNED) {
            task.status = TaskStatus.RUNNING;
        }
        task.worker = e.worker();
        task.startedTs = task.startedTs == 0 ? e.ts() : task.startedTs;
    }

    private void ended(TaskRecord task, TaskStatus to, JobEvent e) {
        if (task.worker == null) {
            task.worker = e.worker();
        }
        String result = e.text(to == TaskStatus.COMPLETED ? "summary" : "reason");
        task.result = result;
        task.end(to, e.ts(), result);
        task.endOffset = e.offset();
    }

    /**
     * A worker joined: the tasks for it that were sequenced before it joined ({@code joined_offset})
     * and that no worker has started are sent again. A task for a role goes again once only.
     */
    private void ready(JobEvent e) {
        readies.add(e);
        tasks.values().forEach(t -> resendIfMissed(t, e));
    }

    private void resendIfMissed(TaskRecord t, JobEvent ready) {
        long joined = (long) ready.number("joined_offset", -1);
        boolean missed = t.sentOffset > 0 && t.sentOffset <= joined && t.status == TaskStatus.ASSIGNED;
        if (missed && t.routesTo(ready.worker(), ready.text("role")) && (t.addressee != null || !t.resent)) {
            t.resent = true;
            t.notes.add("sent again to " + ready.worker() + ", who joined after it");
            sendTask(t, true);
        }
    }

    private void cost(TaskRecord task, JobEvent e) {
        double usd = e.number("usd", 0);
        task.costUsd += usd;
        task.tokensIn += (long) e.number("tokens_in", 0);
        task.tokensOut += (long) e.number("tokens_out", 0);
        orchestrator.addCost(this, usd);
    }

    private void note(TaskRecord task, JobEvent e) {
        String text = e.text("text") != null ? e.text("text") : e.text("message");
        if (task != null && text != null && !e.type().equals("heartbeat")) {
            task.notes.add(e.type() + ": " + text);
        }
    }

    private void noteAndReview(TaskRecord task, JobEvent e, String trigger) {
        String text = e.firstText("text", "message", "reason");
        task.notes.add(trigger + (text == null ? "" : ": " + text));
        desk.openRound(task, trigger);
    }

    private void reviewRequest(TaskRecord task, JobEvent e) {
        if (e.body().has("round")) {
            return; // another orchestrator's request to its reviewers
        }
        if ("architecture".equals(e.text("topic"))) {
            desk.openDecision(task, e);
        } else {
            noteAndReview(task, e, "review_request");
        }
    }

    private void blocker(TaskRecord task, JobEvent e) {
        if ("too_complex".equals(e.text("reason"))) {
            task.notes.add("blocker: too complex" + (e.text("text") == null ? "" : ": " + e.text("text")));
            orchestrator.recurse(this, task, e);
        } else if ("architecture".equals(e.text("topic"))) {
            desk.openDecision(task, e);
        } else {
            noteAndReview(task, e, "blocker");
        }
    }

    private void control(TaskRecord task, JobEvent e) {
        List<TaskRecord> targets = task != null ? List.of(task) : List.copyOf(tasks.values());
        for (TaskRecord t : targets) {
            if (!t.status.terminal()) {
                t.notes.add(e.type() + " from " + e.from() + (e.text("reason") == null ? "" : ": " + e.text("reason")));
            }
        }
        switch (e.type()) {
            case "pause" -> targets.forEach(TaskRecord::pause);
            case "resume" -> targets.forEach(TaskRecord::resume);
            default -> {
                if (task == null) {
                    stopAll(JobStatus.STOPPED, "stop from " + e.from(), false);
                } else {
                    task.end(TaskStatus.STOPPED, e.ts(), "stop from " + e.from());
                }
            }
        }
    }

    /** Ends every task that is still open and the job; tells the workers to stop if {@code tell}. */
    void stopAll(JobStatus why, String reason, boolean tell) {
        if (finished() || stopping) {
            return;
        }
        stopping = true;
        orchestrator.stopChildren(this, why, reason);
        if (tell) {
            ObjectNode stop = room.body("stop");
            stop.put("reason", reason);
            room.publish(stop);
        }
        long now = System.currentTimeMillis();
        for (TaskRecord t : tasks.values()) {
            t.end(TaskStatus.STOPPED, now, reason);
        }
        finish(why);
    }

    /** A control message for one task, from the orchestrator. */
    void tell(String control, TaskRecord task, String reason) {
        ObjectNode body = room.body(control);
        body.put("task_id", task.id());
        if (task.worker != null) {
            body.put("worker", task.worker);
        }
        body.put("reason", reason);
        room.publish(body);
    }

    void warn(String taskId, String round, String reason) {
        ObjectNode body = room.body("warning");
        body.put("task_id", taskId);
        body.put("round", round);
        body.put("reason", reason);
        warnings.add(body);
        room.publish(body);
        LOG.warn("job {} {}: {}", options.jobId(), taskId, reason);
    }

    void escalate(TaskRecord task, String round, String reason) {
        task.end(TaskStatus.ESCALATED, System.currentTimeMillis(), reason);
        ObjectNode body = room.body("escalation");
        body.put("task_id", task.id());
        if (round != null) {
            body.put("round", round);
        }
        body.put("reason", reason);
        escalations.add(body);
        room.publish(body);
        orchestrator.notify("escalation", this, task.id() + " escalated: " + reason, body);
    }

    void reject(long offset, String from, String reason) {
        ObjectNode body = room.body("rejected");
        body.put("offset", offset);
        body.put("from", from);
        body.put("reason", reason);
        rejected.add(body);
        room.publish(body);
        LOG.warn("job {}: message {} from {} ignored: {}", options.jobId(), offset, from, reason);
    }

    /** A child job of {@code taskId} ended. */
    void childEnded(String taskId, JobReport report) {
        TaskRecord task = tasks.get(taskId);
        task.child = report;
        task.costUsd += report.costUsd();
        TaskStatus to = switch (report.status()) {
            case COMPLETED -> TaskStatus.COMPLETED;
            case FAILED -> TaskStatus.FAILED;
            default -> TaskStatus.STOPPED;
        };
        task.end(to, System.currentTimeMillis(), "child job " + report.jobId() + " " + report.status().wireName());
        ObjectNode body = room.body("child_result");
        body.put("task_id", taskId);
        body.put("child_room", report.room());
        body.put("status", report.status().wireName());
        body.put("cost_usd", report.costUsd());
        room.publish(body);
        checkEnd();
    }

    void checkEnd() {
        if (finished() || stopping || !tasks.values().stream().allMatch(t -> t.status.terminal())) {
            return;
        }
        boolean all = tasks.values().stream().allMatch(t -> t.status == TaskStatus.COMPLETED);
        finish(all ? JobStatus.COMPLETED : JobStatus.FAILED);
    }

    private void finish(JobStatus how) {
        status = how;
        endedMs = System.currentTimeMillis();
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        desk.closeAtEnd();
        JobReport report = JobReport.of(this);
        ReportWriter.write(report, options.workspace());
        ObjectNode end = room.body("job_end");
        end.put("status", how.wireName());
        end.put("cost_usd", report.costUsd());
        end.set("tasks", report.taskCounts());
        end.put("report", options.workspace().resolve(ReportWriter.MARKDOWN).toString());
        room.publish(end).whenCompleteAsync((published, error) -> ended(report), orchestrator.executor());
    }

    /**
     * Once {@code job_end} is acknowledged (or refused): the job's last messages are in the room
     * before anyone learns that it ended — {@code agentbus orchestrate} closes its connection then.
     */
    private void ended(JobReport report) {
        orchestrator.jobEnded(this, report);
        done.complete(report);
    }

    private void armIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        if (!finished()) {
            idleTimer = orchestrator.schedule(this::idle, orchestrator.settings().idleReviewMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void idle() {
        for (TaskRecord t : tasks.values()) {
            if (t.status == TaskStatus.RUNNING) {
                desk.openRound(t, "idle");
            }
        }
        armIdleTimer();
    }
}
