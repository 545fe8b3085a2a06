package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.config.JobSettings;
import io.agentbus.orchestrator.plan.Plan;
import io.agentbus.orchestrator.plan.Planner;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.frame.DecisionUpdate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job (and the child jobs it spawns) over one bus connection. Every room message, every
 * decision frame and every timer is handled on the orchestrator's single thread; an exception
 * while handling one is logged and the job goes on.
 */
public final class Orchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
    private static final String ROLE = "orchestrator";

    private final AgentBusClient client;
    private final Planner planner;
    private final JobSettings settings;
    private final ScheduledExecutorService executor;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final CompletableFuture<JobReport> result = new CompletableFuture<>();
    private Budget budget;
    private Webhook webhook;
    private DailyLedger ledger;
    private JobOptions rootOptions;

    /** An orchestrator on {@code client} (connected), planning child jobs with {@code planner}. */
    public Orchestrator(AgentBusClient client, Planner planner) {
        this.client = client;
        this.planner = planner;
        this.settings = planner.config().job();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agentbus-orchestrator");
            t.setDaemon(true);
            return t;
        });
        client.onMessage(msg -> executor.execute(() -> route(msg)));
        client.onDecision(update -> executor.execute(() -> decision(update)));
    }

    /**
     * Starts {@code plan} as a job in {@code options.room()}; completes with its report when it ends.
     *
     * @throws IllegalArgumentException if the room is not a valid id or the day's budget is spent
     */
    public CompletableFuture<JobReport> run(Plan plan, JobOptions options) {
        if (!Ids.isValid(options.room())) {
            throw new IllegalArgumentException("--room must be an id matching [A-Za-z0-9][A-Za-z0-9._:-]{0,127}: "
                    + options.room());
        }
        rootOptions = options;
        ledger = new DailyLedger(options.ledger());
        budget = new Budget(limit(options), settings.budgetWarnFraction());
        if (options.webhook() != null) {
            webhook = new Webhook(options.webhook(), Duration.ofMillis(settings.webhookTimeoutMs()));
        }
        start(plan, options, 0, null, null);
        return result;
    }

    private double limit(JobOptions options) {
        double limit = options.budgetUsd();
        if (options.dailyBudgetUsd() > 0) {
            double left = options.dailyBudgetUsd() - ledger.spent(today());
            if (left <= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the day's budget of $%.2f is spent (ledger %s)", options.dailyBudgetUsd(), options.ledger()));
            }
            limit = limit > 0 ? Math.min(limit, left) : left;
        }
        return limit;
    }

    private void start(Plan plan, JobOptions options, int depth, Job parent, TaskRecord parentTask) {
        client.join(options.room(), JoinOptions.DEFAULT.role(ROLE).echo(false)).whenCompleteAsync((joined, error) -> {
            if (error != null) {
                joinFailed(options, parent, parentTask, error);
                return;
            }
            Job job = new Job(this, plan, options, depth, parent, parentTask == null ? null : parentTask.id());
            jobs.put(options.room(), job);
            job.start();
        }, executor);
    }

    private void joinFailed(JobOptions options, Job parent, TaskRecord parentTask, Throwable error) {
        String why = "cannot join room " + options.room() + ": " + error.getMessage();
        if (parent == null) {
            result.completeExceptionally(new IllegalStateException(why, error));
        } else {
            parent.escalate(parentTask, null, why);
            parent.checkEnd();
        }
    }

    /** A message the client delivered: to the job of its room, if any (on the orchestrator's thread). */
    void route(ReceivedMessage msg) {
        Job job = msg.room() == null ? null : jobs.get(msg.room());
        if (job == null) {
            return;
        }
        try {
            job.onMessage(msg);
        } catch (RuntimeException e) {
            LOG.error("job {}: message {} from {} could not be handled", job.options.jobId(), msg.offset(),
                    msg.from(), e);
        }
    }

    private void decision(DecisionUpdate update) {
        Job job = jobs.get(update.room());
        if (job == null) {
            return;
        }
        try {
            job.desk.onDecision(update);
        } catch (RuntimeException e) {
            LOG.error("job {}: decision {} could not be handled", job.options.jobId(), update.decision(), e);
        }
    }

    void addCost(Job job, double usd) {
        Budget.Crossing crossing = budget.add(usd);
        if (crossing == Budget.Crossing.NONE) {
            return;
        }
        Job root = root();
        boolean stop = crossing == Budget.Crossing.STOP;
        ObjectNode body = job.room.body(stop ? "budget_stop" : "budget_warning");
        body.put("spent_usd", Math.round(budget.spentUsd() * 10_000) / 10_000.0);
        body.put("limit_usd", budget.limitUsd());
        body.put("fraction", stop ? 1.0 : budget.warnFraction());
        job.room.publish(body);
        if (root != null && root != job) {
            root.room.publish(body.deepCopy());
        }
        if (stop) {
            String reason = String.format(Locale.ROOT, "budget spent: $%.2f of $%.2f", budget.spentUsd(),
                    budget.limitUsd());
            notify("budget_stop", job, reason, body);
            (root != null ? root : job).stopAll(JobStatus.BUDGET_STOPPED, reason, true);
        }
    }

    void recurse(Job job, TaskRecord task, JobEvent e) {
        int childDepth = job.depth + 1;
        String childRoom = job.options.room() + "." + task.id();
        if (childDepth > settings.maxDepth() || !Ids.isValid(childRoom)) {
            ObjectNode refused = job.room.body("recursion_refused");
            refused.put("task_id", task.id());
            refused.put("depth", job.depth);
            refused.put("max_depth", settings.maxDepth());
            job.room.publish(refused);
            String why = childDepth > settings.maxDepth()
                    ? "too complex, and a child job at depth " + childDepth + " would pass the maximum depth "
                    + settings.maxDepth() : "too complex, and the child room name " + childRoom + " is not a valid id";
            job.escalate(task, null, why);
            return;
        }
        Plan childPlan = planner.plan(childTask(task, e), null);
        JobOptions childOptions = new JobOptions(childRoom, job.options.jobId() + "." + task.id(), 0, 0,
                job.options.workspace().resolve(task.id()), rootOptions.ledger(), rootOptions.webhook());
        task.status = TaskStatus.DELEGATED;
        ObjectNode body = job.room.body("child_job");
        body.put("task_id", task.id());
        body.put("child_room", childRoom);
        body.put("child_job", childOptions.jobId());
        body.put("depth", childDepth);
        job.room.publish(body);
        start(childPlan, childOptions, childDepth, job, task);
    }

    /** The child job's task: the worker's proposed split as a list, else the task's title and the blocker's text. */
    private static String childTask(TaskRecord task, JobEvent e) {
        JsonNode subtasks = e.body().get("subtasks");
        StringBuilder text = new StringBuilder(task.assignment.title());
        if (subtasks != null && subtasks.isArray() && subtasks.size() > 0) {
            subtasks.forEach(s -> text.append("\n- ").append(s.asText()));
        } else if (e.text("text") != null) {
            text.append(". ").append(e.text("text"));
        }
        return text.toString();
    }

    void stopChildren(Job parent, JobStatus why, String reason) {
        for (Job job : new ArrayList<>(jobs.values())) {
            if (job.parent == parent) {
                job.stopAll(why, reason, true);
            }
        }
    }

    void jobEnded(Job job, JobReport report) {
        jobs.remove(job.options.room());
        if (job.parent != null) {
            client.leave(job.options.room());
            if (!job.parent.finished()) {
                job.parent.childEnded(job.parentTaskId, report);
            }
            return;
        }
        try {
            ledger.add(today(), report.costUsd());
        } catch (RuntimeException e) {
            LOG.error("job {}: {}", job.options.jobId(), e.getMessage());
        }
        notify("job_end", job, "job ended " + report.status().wireName() + String.format(Locale.ROOT,
                ", cost $%.2f, tasks %s", report.costUsd(), report.taskCounts()), report.taskCounts());
        result.complete(report);
    }

    void notify(String event, Job job, String text, JsonNode details) {
        if (webhook == null) {
            return;
        }
        ObjectNode body = job.room.body(event);
        body.put("text", "agentbus: job " + job.options.jobId() + " in room " + job.options.room() + ": " + text);
        body.put("event", event);
        body.put("room", job.options.room());
        body.set("details", details);
        webhook.post(body);
    }

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a timer of the orchestrator failed", e);
            }
        }, delay, unit);
    }

    private Job root() {
        for (Job job : jobs.values()) {
            if (job.parent == null) {
                return job;
            }
        }
        return null;
    }

    /** The rooms of the jobs running now (the job's and its children's). */
    public List<String> activeRooms() {
        return List.copyOf(jobs.keySet());
    }

    AgentBusClient client() {
        return client;
    }

    JobSettings settings() {
        return settings;
    }

    Executor executor() {
        return executor;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Stops the orchestrator's thread; the client stays open (its owner closes it). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
