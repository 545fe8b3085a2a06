package io.agentbus.orchestrator.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.AgentBusClient;
import io.agentbus.orchestrator.config.ConfigLoader;
import io.agentbus.orchestrator.config.OrchestratorConfig;
import io.agentbus.orchestrator.it.LiveDaemon;
import io.agentbus.orchestrator.it.RoomLog;
import io.agentbus.orchestrator.it.RoomLog.Entry;
import io.agentbus.orchestrator.it.ScriptedWorker;
import io.agentbus.orchestrator.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task too complex for its worker becomes a child job in a child room, and a task of that child
 * job a grandchild job (depth 2); with a maximum depth of 2 a third level is refused and escalated.
 * Results and costs are aggregated upward into the parent's report.
 */
class RecursionIT {
    private static final String ROOM = "shop";
    private static final String CHILD = "shop.task-1";
    private static final String GRANDCHILD = "shop.task-1.task-2";

    @TempDir
    Path dir;

    @Test
    void shouldRecurseToDepthTwoAndRefuseBeyondTheMaximum() throws Exception {
        RoomLog log = new RoomLog();
        OrchestratorConfig defaults = ConfigLoader.defaults();
        Planner planner = new Planner(defaults.withJob(defaults.job().withMaxDepth(2)));
        try (LiveDaemon daemon = LiveDaemon.start(dir.resolve("data"));
             ScriptedWorker coder = new ScriptedWorker(daemon.uri(), "coder-1", log).join(ROOM, "coder");
             AgentBusClient client = AgentBusClient.builder(daemon.uri(), "orchestrator-r").connect();
             Orchestrator orchestrator = new Orchestrator(client, planner)) {
            CompletableFuture<JobReport> job = orchestrator.run(planner.plan("Build the checkout (3 files)", null),
                    new JobOptions(ROOM, "shop-job", 0, 0, dir.resolve("ws"), dir.resolve("ledger.json"), null));
            assertEquals("single", log.await(ROOM, "plan").body().at("/plan/strategy/name").asText());
            log.await(ROOM, "task", "task_id", "task-1");

            coder.emit(ROOM, "started", "task-1");
            coder.emit(ROOM, "blocker", "task-1", "reason", "too_complex", "subtasks", List.of("cart", "payment"));
            Entry child = log.await(ROOM, "child_job", "task_id", "task-1");
            assertEquals(CHILD, child.field("child_room"));
            assertEquals(1, child.body().get("depth").asInt());

            coder.join(CHILD, "coder");
            assertEquals(1, log.await(CHILD, "plan").body().get("depth").asInt());
            assertEquals(List.of("cart", "payment"), titles(log, CHILD, 2));
            coder.emit(CHILD, "started", "task-1");
            coder.emit(CHILD, "completed", "task-1");
            coder.emit(CHILD, "blocker", "task-2", "reason", "too_complex", "text", "cards and invoices differ");
            assertEquals(GRANDCHILD, log.await(CHILD, "child_job", "task_id", "task-2").field("child_room"));

            coder.join(GRANDCHILD, "coder");
            assertEquals(2, log.await(GRANDCHILD, "plan").body().get("depth").asInt());
            assertEquals(List.of("payment", "cards and invoices differ"), titles(log, GRANDCHILD, 2));
            coder.emit(GRANDCHILD, "started", "task-1");
            coder.emit(GRANDCHILD, "cost", "task-1", "usd", 1.25);
            coder.emit(GRANDCHILD, "completed", "task-1");
            coder.emit(GRANDCHILD, "blocker", "task-1", "reason", "too_complex");
            assertTrue(log.await(GRANDCHILD, "rejected").field("reason").contains("has ended (completed)"));
            coder.emit(GRANDCHILD, "blocker", "task-2", "reason", "too_complex");

            Entry refused = log.await(GRANDCHILD, "recursion_refused");
            assertEquals(2, refused.body().get("depth").asInt());
            assertEquals(2, refused.body().get("max_depth").asInt());
            assertTrue(log.await(GRANDCHILD, "escalation").field("reason").contains("maximum depth 2"));

            assertEquals("failed", log.await(GRANDCHILD, "job_end").field("status"));
            assertEquals("failed", log.await(CHILD, "child_result", "task_id", "task-2").field("status"));
            assertEquals("failed", log.await(CHILD, "job_end").field("status"));
            assertEquals("failed", log.await(ROOM, "child_result", "task_id", "task-1").field("status"));
            JobReport report = job.get(20, TimeUnit.SECONDS);
            assertEquals(JobStatus.FAILED, report.status());
            assertEquals(1.25, report.costUsd(), 1e-9);
            assertTrue(orchestrator.activeRooms().isEmpty(), orchestrator.activeRooms().toString());

            JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("ws/final-report.json")));
            JsonNode childReport = json.at("/tasks/0/child");
            assertEquals(CHILD, childReport.get("room").asText());
            assertEquals("completed", childReport.at("/tasks/0/status").asText());
            JsonNode grandchild = childReport.at("/tasks/1/child");
            assertEquals(GRANDCHILD, grandchild.get("room").asText());
            assertEquals("escalated", grandchild.at("/tasks/1/status").asText());
            assertEquals(1.25, childReport.at("/tasks/1/cost_usd").asDouble(), 1e-9);
            assertTrue(Files.exists(dir.resolve("ws/task-1/task-2/FINAL_REPORT.md")));
            assertTrue(Files.readString(dir.resolve("ws/FINAL_REPORT.md")).contains("Child job of task-1"));
        }
    }

    private static List<String> titles(RoomLog log, String room, int n) {
        await().atMost(RoomLog.DEADLINE).until(() -> log.count(room, "task") >= n);
        return log.of(room).stream().filter(e -> e.type().equals("task")).map(e -> e.field("title")).toList();
    }
}
