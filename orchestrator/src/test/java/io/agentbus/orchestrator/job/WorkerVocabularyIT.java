package io.agentbus.orchestrator.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.config.ConfigLoader;
import io.agentbus.orchestrator.it.LiveDaemon;
import io.agentbus.orchestrator.it.RoomLog;
import io.agentbus.orchestrator.it.RoomLog.Entry;
import io.agentbus.orchestrator.it.ScriptedWorker;
import io.agentbus.orchestrator.plan.Planner;
import io.agentbus.protocol.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator's side of what it shares with the worker runner (PROTOCOL.md §16, §17): tasks
 * go to a role, and to a member by name only when several share the role; a worker that says
 * {@code ready} after its tasks were sent gets them again; events the task's end overtook are
 * noted, not rejected; events of another job are not this job's; review rounds nobody answered are
 * closed when the job ends.
 */
class WorkerVocabularyIT {
    private static final String ONE_CODER = "Build a REST API with auth, users and orders (25 files)";
    private static final String TWO_CODERS = "Add a CSV parser. Add a JSON printer (10 files)";

    @TempDir
    static Path dataDir;
    static LiveDaemon daemon;

    @TempDir
    Path dir;
    private final RoomLog log = new RoomLog();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = LiveDaemon.start(dataDir);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void shouldNameTheAssigneeOnlyWhenSeveralMembersShareTheRole() throws Exception {
        watch("two-coders");
        orchestrate("two-coders", TWO_CODERS);

        assertEquals("coder-1", log.await("two-coders", "task", "task_id", "task-1").field("assignee"));
        assertEquals("coder-2", log.await("two-coders", "task", "task_id", "task-2").field("assignee"));
    }

    @Test
    void shouldSendATaskAgainToTheNamedWorkerThatJoinedAfterIt() throws Exception {
        ScriptedWorker room = watch("late-named");
        orchestrate("late-named", TWO_CODERS);
        long taskTwo = log.await("late-named", "task", "task_id", "task-2").offset();

        room.raw("late-named", ready("coder-1", "coder", 0));
        room.raw("late-named", ready("coder-2", "coder", taskTwo));

        Entry again = log.await("late-named", "task", e -> e.body().path("resent").asBoolean());
        assertEquals("task-2", again.field("task_id"));
        assertEquals("coder-2", again.field("assignee"));
        assertEquals(1, resent("late-named"), "coder-1 joined before its task: not sent again");
    }

    @Test
    void shouldSendATaskForARoleAgainOnceOnly() throws Exception {
        ScriptedWorker room = watch("late-role");
        orchestrate("late-role", ONE_CODER);
        long last = log.await("late-role", "task", "task_id", "task-3").offset();

        room.raw("late-role", ready("any-coder", "coder", last));
        await().atMost(RoomLog.DEADLINE).until(() -> resent("late-role") == 3);
        room.raw("late-role", ready("another-coder", "coder", last));
        room.raw("late-role", ready("reviewer-9", "reviewer", last));
        room.emit("late-role", "started", "task-1");
        room.emit("late-role", "milestone", "task-1");

        log.await("late-role", "review_request", "task_id", "task-1"); // the readies before it were handled
        assertEquals(3, resent("late-role"), "each task for the role goes again once, to the first late worker");
    }

    @Test
    void shouldNoteEventsTheTasksEndOvertookAndAWorkersWordAfterAStop() throws Exception {
        ScriptedWorker coder = watch("late-events");
        Orchestrator orchestrator = orchestrator();
        CompletableFuture<JobReport> job = run(orchestrator, "late-events", ONE_CODER);
        log.await("late-events", "task", "task_id", "task-3");

        deliver(orchestrator, "late-events", 1001, "completed", "task-1", "\"summary\":\"auth done\"");
        deliver(orchestrator, "late-events", 1000, "progress", "task-1", "\"message\":\"almost there\"");
        deliver(orchestrator, "late-events", 999, "started", "task-1", "\"pid\":42");
        deliver(orchestrator, "late-events", 1002, "milestone", "task-1", "\"message\":\"after the end\"");
        coder.raw("late-events", "{\"type\":\"stop\",\"task_id\":\"task-2\",\"reason\":\"not needed\"}");
        coder.emit("late-events", "failed", "task-2", "reason", "stopped");
        coder.emit("late-events", "completed", "task-3");

        JsonNode report = report(job);
        assertEquals(1, report.get("rejected_messages").size(), report.toString());
        assertTrue(report.at("/rejected_messages/0/reason").asText().contains("'milestone' for task-1"));
        assertTrue(report.at("/tasks/0/notes").toString().contains("progress (after the task ended): almost there"));
        assertTrue(report.at("/tasks/0/started_ms").asLong() > 0, "the late 'started' counts");
        assertTrue(report.at("/tasks/1/notes").toString().contains("failed (after the task ended): stopped"));
        assertEquals("stopped", report.at("/tasks/1/status").asText());
    }

    @Test
    void shouldCloseRoundsNobodyAnsweredWhenTheJobEndsAndIgnoreOtherJobs() throws Exception {
        ScriptedWorker coder = watch("unanswered");
        CompletableFuture<JobReport> job = orchestrate("unanswered", ONE_CODER);
        log.await("unanswered", "task", "task_id", "task-3");

        coder.emit("unanswered", "started", "task-1");
        coder.emit("unanswered", "milestone", "task-1", "message", "login works");
        log.await("unanswered", "review_request", "task_id", "task-1");
        coder.emit("unanswered", "completed", "task-1", "job", "another-job", "summary", "not this job's");
        coder.emit("unanswered", "completed", "task-1", "summary", "auth done");
        coder.emit("unanswered", "completed", "task-2");
        coder.emit("unanswered", "completed", "task-3");

        Entry result = log.await("unanswered", "review_result", "task_id", "task-1");
        assertEquals("log_warning", result.field("action"));
        assertEquals("no review arrived before the job ended", result.field("reason"));
        assertTrue(result.offset() < log.await("unanswered", "job_end").offset());
        JsonNode report = report(job);
        assertEquals("log_warning", report.at("/reviews/0/action").asText());
        String notes = report.at("/tasks/0/notes").toString();
        assertTrue(notes.contains("milestone: login works") && notes.contains("completed: auth done"), notes);
        assertTrue(!notes.contains("not this job's"), notes);
        assertEquals(0, report.get("rejected_messages").size(), "another job's event is not rejected");
        assertNull(log.await("unanswered", "task", "task_id", "task-1").field("assignee"));
    }

    private ScriptedWorker watch(String room) throws Exception {
        ScriptedWorker w = new ScriptedWorker(daemon.uri(), "watcher-" + room, log).join(room, "observer");
        closeables.add(w);
        return w;
    }

    private CompletableFuture<JobReport> orchestrate(String room, String task) {
        return run(orchestrator(), room, task);
    }

    private Orchestrator orchestrator() {
        AgentBusClient client = AgentBusClient.builder(daemon.uri(), "orchestrator-" + dir.getFileName()).connect();
        closeables.add(client);
        Orchestrator orchestrator = new Orchestrator(client, new Planner(ConfigLoader.defaults()));
        closeables.add(orchestrator);
        return orchestrator;
    }

    private CompletableFuture<JobReport> run(Orchestrator orchestrator, String room, String task) {
        Planner planner = new Planner(ConfigLoader.defaults());
        return orchestrator.run(planner.plan(task, null), new JobOptions(room, room + "-job", 0, 0,
                dir.resolve("ws"), dir.resolve("ledger.json"), null));
    }

    /** Hands the orchestrator a message as its client would, with the offset the test chooses. */
    private static void deliver(Orchestrator orchestrator, String room, long offset, String type, String taskId,
                                String fields) {
        String body = "{\"type\":\"" + type + "\",\"task_id\":\"" + taskId + "\",\"worker\":\"coder-1\"," + fields + "}";
        ReceivedMessage msg = new ReceivedMessage(room, null, offset, "coder-1", "main", type, Priority.NORMAL,
                System.currentTimeMillis(), null, body);
        orchestrator.executor().execute(() -> orchestrator.route(msg));
    }

    private static String ready(String worker, String role, long joinedOffset) {
        return "{\"type\":\"ready\",\"worker\":\"" + worker + "\",\"role\":\"" + role + "\",\"agent\":\"custom\","
                + "\"joined_offset\":" + joinedOffset + "}";
    }

    private long resent(String room) {
        return log.of(room).stream().filter(e -> e.type().equals("task") && e.body().path("resent").asBoolean())
                .count();
    }

    private JsonNode report(CompletableFuture<JobReport> job) throws Exception {
        job.get(20, TimeUnit.SECONDS);
        return new ObjectMapper().readTree(Files.readString(dir.resolve("ws/final-report.json")));
    }
}
