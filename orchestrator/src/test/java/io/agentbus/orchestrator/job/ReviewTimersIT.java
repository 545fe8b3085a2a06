package io.agentbus.orchestrator.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.orchestrator.config.ConfigLoader;
import io.agentbus.orchestrator.it.LiveDaemon;
import io.agentbus.orchestrator.it.RoomLog;
import io.agentbus.orchestrator.it.RoomLog.Entry;
import io.agentbus.orchestrator.it.ScriptedWorker;
import io.agentbus.orchestrator.plan.Planner;
import io.agentbus.protocol.frame.VoteChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timers and the decisions of a job: a running task that goes quiet for the idle time gets a
 * review round; a round nobody answers closes at the review timeout with a warning; an architecture
 * question becomes a room decision whose outcome the report records; a stop without task ends the job.
 */
class ReviewTimersIT {
    private static final String ROOM = "timers";

    @TempDir
    Path dir;

    @Test
    void shouldReviewAfterIdleTimeCloseUnansweredRoundsAndPutArchitectureToAVote() throws Exception {
        Path config = Files.writeString(dir.resolve("fast.json"),
                "{\"job\":{\"idle_review_ms\":300,\"review_timeout_ms\":500}}");
        Planner planner = new Planner(ConfigLoader.load(config));
        RoomLog log = new RoomLog();
        try (LiveDaemon daemon = LiveDaemon.start(dir.resolve("data"));
             ScriptedWorker coder = new ScriptedWorker(daemon.uri(), "coder-1", log).join(ROOM, "coder");
             ScriptedWorker reviewer = new ScriptedWorker(daemon.uri(), "reviewer-1", log).join(ROOM, "reviewer");
             ScriptedWorker lead = new ScriptedWorker(daemon.uri(), "coordinator-1", log).join(ROOM, "coordinator");
             AgentBusClient client = AgentBusClient.builder(daemon.uri(), "orchestrator-t").connect();
             Orchestrator orchestrator = new Orchestrator(client, planner)) {
            CompletableFuture<JobReport> job = orchestrator.run(
                    planner.plan("Build a REST API with auth, users and orders (25 files)", null),
                    new JobOptions(ROOM, "timers-job", 0, 0, dir.resolve("ws"), dir.resolve("ledger.json"), null));
            log.await(ROOM, "task", "task_id", "task-3");

            coder.emit(ROOM, "started", "task-1");
            Entry idle = log.await(ROOM, "review_request", "trigger", "idle");
            assertEquals("task-1", idle.field("task_id"));
            Entry timedOut = log.await(ROOM, "review_result", "round", idle.field("round"));
            assertEquals("log_warning", timedOut.field("action"));
            assertTrue(timedOut.field("reason").contains("no review arrived within 500 ms"), timedOut.field("reason"));

            coder.emit(ROOM, "review_request", "task-2", "topic", "architecture", "question", "Postgres or SQLite?");
            Entry opened = log.await(ROOM, "decision_opened", "task_id", "task-2");
            assertEquals("[task-2] Postgres or SQLite?", opened.field("title"));
            String decision = opened.field("decision");
            reviewer.client().vote(ROOM, decision, VoteChoice.YES).get(10, TimeUnit.SECONDS);
            lead.client().vote(ROOM, decision, VoteChoice.YES).get(10, TimeUnit.SECONDS);
            // the electorate is the room's 4 members, the orchestrator included: a majority needs 3
            coder.client().vote(ROOM, decision, VoteChoice.YES).get(10, TimeUnit.SECONDS);
            assertEquals("approved", log.await(ROOM, "decision_closed", "decision", decision).field("status"));

            lead.emit(ROOM, "stop", null, "reason", "enough for today");
            assertEquals("stopped", log.await(ROOM, "job_end").field("status"));
            JobReport report = job.get(20, TimeUnit.SECONDS);
            assertEquals(JobStatus.STOPPED, report.status());
            assertEquals("approved", report.json().at("/decisions/0/status").asText());
            assertEquals("idle", report.json().at("/reviews/0/trigger").asText());
            assertTrue(report.json().at("/tasks/0/notes").toString().contains("enough for today"));
        }
    }
}
