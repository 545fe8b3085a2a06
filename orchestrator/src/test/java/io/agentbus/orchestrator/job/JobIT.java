package io.agentbus.orchestrator.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.config.ConfigLoader;
import io.agentbus.orchestrator.config.OrchestratorConfig;
import io.agentbus.orchestrator.it.LiveDaemon;
import io.agentbus.orchestrator.it.RoomLog;
import io.agentbus.orchestrator.it.RoomLog.Entry;
import io.agentbus.orchestrator.it.ScriptedWorker;
import io.agentbus.orchestrator.it.WebhookSink;
import io.agentbus.orchestrator.plan.Plan;
import io.agentbus.orchestrator.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full job over the live daemon: scripted workers answer the assignments with events, reviewers
 * answer the review rounds (approve; one concern; two concerns; a blocker), the budget warns and
 * then stops the job, and the report and the room's history hold every step.
 */
class JobIT {
    private static final String ROOM = "build-7";
    private static final String TASK = "Build a REST API with auth, users, orders and payments (25 files)";

    @TempDir
    Path dir;

    private final RoomLog log = new RoomLog();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private LiveDaemon daemon;
    private WebhookSink webhook;

    @BeforeEach
    void startDaemon() throws Exception {
        daemon = LiveDaemon.start(dir.resolve("data"));
        webhook = new WebhookSink();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        webhook.close();
        daemon.close();
    }

    @Test
    void shouldStopPauseAndContinuePerTheReviewRuleAndStopAtTheBudget() throws Exception {
        ScriptedWorker coder = worker("coder-1", "coder");
        ScriptedWorker reviewer = worker("reviewer-1", "reviewer");
        ScriptedWorker coordinator = worker("coordinator-1", "coordinator");
        CompletableFuture<JobReport> job = orchestrate(10.0);

        List<Entry> tasks = awaitTasks(4);
        assertEquals(List.of("coder", "coder", "coder", "coder"), tasks.stream().map(t -> t.field("role")).toList());
        assertTrue(tasks.stream().noneMatch(t -> t.body().has("assignee")), "one coder in the plan: to the role");
        assertEquals("bridge-small", log.await(ROOM, "plan").body().at("/plan/strategy/name").asText());

        // task-1: a milestone, both reviewers approve → continue
        coder.emit(ROOM, "started", "task-1");
        coder.emit(ROOM, "cost", "task-1", "usd", 2.0, "tokens_in", 100_000, "tokens_out", 10_000);
        coder.emit(ROOM, "milestone", "task-1", "text", "auth endpoints done");
        Entry ask = log.await(ROOM, "review_request", "task_id", "task-1");
        assertEquals("r-1", ask.field("round"));
        assertEquals(List.of("coordinator-1", "reviewer-1"), texts(ask.body().get("reviewers")));
        review(reviewer, "r-1", "task-1", "approve", "fine");
        review(coordinator, "r-1", "task-1", "approve", "good");
        assertEquals("continue", log.await(ROOM, "review_result", "round", "r-1").field("action"));
        coder.emit(ROOM, "completed", "task-1", "summary", "auth works");

        // malformed messages in the room: rejected, the job goes on
        coder.raw(ROOM, "{\"type\":\"cost\",\"task_id\":\"task-1\",\"usd\":\"lots\"}");
        coder.raw(ROOM, "{\"type\":\"completed\",\"task_id\":\"task-99\"}");
        coder.raw(ROOM, "\"just chatting\"");
        coder.raw(ROOM, "{\"type\":\"review\",\"task_id\":\"task-1\",\"verdict\":\"maybe\"}");
        await().atMost(RoomLog.DEADLINE).until(() -> log.count(ROOM, "rejected") == 3);

        // task-2: a review request, one concern → a warning, the work goes on
        coder.emit(ROOM, "started", "task-2");
        coder.emit(ROOM, "review_request", "task-2", "text", "please look at the user model");
        log.await(ROOM, "review_request", "round", "r-2");
        review(reviewer, "r-2", "task-2", "approve", "ok");
        review(coordinator, "r-2", "task-2", "concern", "naming is inconsistent");
        assertEquals("log_warning", log.await(ROOM, "review_result", "round", "r-2").field("action"));
        assertTrue(log.await(ROOM, "warning", "round", "r-2").field("reason").contains("naming"));
        coder.emit(ROOM, "cost", "task-2", "usd", 6.0);
        Entry warning = log.await(ROOM, "budget_warning");
        assertEquals(8.0, warning.body().get("spent_usd").asDouble());
        coder.emit(ROOM, "completed", "task-2");

        // task-3: a milestone, two concerns → pause and clarify; resumed from the CLI; then a blocker
        coder.emit(ROOM, "started", "task-3");
        coder.emit(ROOM, "milestone", "task-3");
        log.await(ROOM, "review_request", "round", "r-3");
        review(reviewer, "r-3", "task-3", "concern", "no pagination");
        review(coordinator, "r-3", "task-3", "concern", "no validation");
        assertEquals("pause_and_clarify", log.await(ROOM, "review_result", "round", "r-3").field("action"));
        assertEquals("orchestrator-test", log.await(ROOM, "pause", "task_id", "task-3").from());
        assertEquals(2, log.await(ROOM, "clarify", "task_id", "task-3").body().get("questions").size());
        coordinator.emit(ROOM, "resume", "task-3", "reason", "clarified");
        coder.emit(ROOM, "blocker", "task-3", "reason", "orders need a schema change", "text", "stuck");
        log.await(ROOM, "review_request", "round", "r-4");
        review(reviewer, "r-4", "task-3", "blocker", "breaks the public API");
        review(coordinator, "r-4", "task-3", "approve", "");
        assertEquals("stop_and_escalate", log.await(ROOM, "review_result", "round", "r-4").field("action"));
        assertEquals("task-3", log.await(ROOM, "stop", "task_id", "task-3").field("task_id"));
        assertTrue(log.await(ROOM, "escalation", "task_id", "task-3").field("reason").contains("public API"));

        // task-4: its cost takes the job past its budget → every worker is told to stop
        coder.emit(ROOM, "started", "task-4");
        coder.emit(ROOM, "cost", "task-4", "usd", 2.5);
        log.await(ROOM, "budget_stop");
        log.await(ROOM, "stop", e -> e.field("task_id") == null);
        Entry end = log.await(ROOM, "job_end");
        assertEquals("budget_stopped", end.field("status"));

        JobReport report = job.get(20, TimeUnit.SECONDS);
        assertReport(report);
        assertWebhook();
        assertHistory();
    }

    private void assertReport(JobReport report) throws Exception {
        assertEquals(JobStatus.BUDGET_STOPPED, report.status());
        assertEquals(10.5, report.costUsd(), 1e-9);
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("ws/final-report.json")));
        assertEquals(List.of("completed", "completed", "escalated", "stopped"), statuses(json.get("tasks")));
        assertEquals("coder-1", json.at("/tasks/0/worker").asText());
        assertEquals(2.0, json.at("/tasks/0/cost_usd").asDouble());
        assertEquals(100_000, json.at("/tasks/0/tokens_in").asLong());
        assertTrue(json.at("/tasks/0/duration_ms").asLong() >= 0);
        List<String> actions = new ArrayList<>();
        json.get("reviews").forEach(r -> actions.add(r.get("action").asText()));
        assertEquals(List.of("continue", "log_warning", "pause_and_clarify", "stop_and_escalate"), actions);
        assertEquals(1, json.get("escalations").size());
        assertEquals(1, json.get("warnings").size());
        assertEquals(3, json.get("rejected_messages").size());
        assertTrue(json.at("/tasks/2/notes").toString().contains("resume from coordinator-1"), json.toString());
        String md = Files.readString(dir.resolve("ws/FINAL_REPORT.md"));
        for (String expected : List.of("budget_stopped", "task-3", "escalated", "stop_and_escalate",
                "breaks the public API", "naming is inconsistent", "unknown task 'task-99'")) {
            assertTrue(md.contains(expected), expected + " missing from\n" + md);
        }
    }

    private void assertWebhook() {
        await().atMost(RoomLog.DEADLINE).until(() -> webhook.events().contains("job_end"));
        assertEquals(List.of("escalation", "budget_stop", "job_end"), webhook.events());
        for (JsonNode body : webhook.bodies()) {
            assertTrue(body.get("text").asText().startsWith("agentbus: job job-7 in room build-7"), body.toString());
        }
        assertTrue(webhook.contentTypes().stream().allMatch(t -> t.startsWith("application/json")));
    }

    /** Every step is a message of the room's history, in the order it happened. */
    private void assertHistory() throws Exception {
        List<String> types = new ArrayList<>();
        try (AgentBusClient reader = AgentBusClient.builder(daemon.uri(), "history-reader").connect()) {
            for (ReceivedMessage m : reader.history(ROOM, 0, 1000).get(10, TimeUnit.SECONDS).messages()) {
                types.add(new ObjectMapper().readTree(m.bodyJson()).path("type").asText(m.type()));
            }
        }
        assertInOrder(types, "plan", "task", "task", "task", "task", "started", "cost", "milestone", "review_request",
                "review", "review", "review_result", "completed", "rejected", "review_request", "review_result",
                "warning", "budget_warning", "review_result", "pause", "clarify", "resume", "blocker",
                "review_result", "stop", "escalation", "budget_stop", "stop", "job_end");
    }

    private static void assertInOrder(List<String> all, String... expected) {
        int at = 0;
        for (String type : all) {
            if (at < expected.length && type.equals(expected[at])) {
                at++;
            }
        }
        assertEquals(expected.length, at, "history " + all + " lacks, in order, " + List.of(expected)
                + " from position " + at);
    }

    private CompletableFuture<JobReport> orchestrate(double budget) throws Exception {
        OrchestratorConfig config = ConfigLoader.defaults();
        Planner planner = new Planner(config);
        Plan plan = planner.plan(TASK, null);
        AgentBusClient client = AgentBusClient.builder(daemon.uri(), "orchestrator-test").connect();
        closeables.add(client);
        Orchestrator orchestrator = new Orchestrator(client, planner);
        closeables.add(orchestrator);
        return orchestrator.run(plan, new JobOptions(ROOM, "job-7", budget, 0, dir.resolve("ws"),
                dir.resolve("daily-spend.json"), webhook.uri()));
    }

    private ScriptedWorker worker(String id, String role) throws Exception {
        ScriptedWorker w = new ScriptedWorker(daemon.uri(), id, log).join(ROOM, role);
        closeables.add(w);
        return w;
    }

    private List<Entry> awaitTasks(int n) {
        await().atMost(RoomLog.DEADLINE).until(() -> log.count(ROOM, "task") >= n);
        return log.of(ROOM).stream().filter(e -> e.type().equals("task")).distinct().limit(n).toList();
    }

    private static void review(ScriptedWorker who, String round, String taskId, String verdict, String reason)
            throws Exception {
        who.emit(ROOM, "review", taskId, "round", round, "verdict", verdict, "reason", reason);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> statuses(JsonNode tasks) {
        List<String> out = new ArrayList<>();
        tasks.forEach(t -> out.add(t.get("status").asText()));
        return out;
    }
}
