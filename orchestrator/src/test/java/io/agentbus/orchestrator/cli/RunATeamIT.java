package io.agentbus.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.it.AgentbusCommand;
import io.agentbus.orchestrator.it.DaemonProcess;
import io.agentbus.orchestrator.it.RoomLog;
import io.agentbus.orchestrator.it.ScriptedWorker;
import io.agentbus.orchestrator.worker.it.WorkerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Run a team", for real: the daemon ({@code bin/agentbus start}), two
 * {@code bin/agentbus worker} processes with the {@code custom} template running a small agent
 * script, and {@code bin/agentbus orchestrate}, each a process of its own. The job goes from plan to
 * final report: every task is assigned, run by its worker, reviewed, and reported; every step is in
 * the room's history; every process exits as it should and none is left behind.
 */
class RunATeamIT {
    private static final String ROOM = "team";
    private static final String JOB = "team-1";
    private static final String TASK = "Add a CSV parser. Add a JSON printer (10 files)";
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private final RoomLog log = new RoomLog();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRunAJobFromPlanToFinalReportWithOrchestrateAndTwoWorkerProcesses() throws Exception {
        List<JsonNode> history;
        try (DaemonProcess daemon = DaemonProcess.start(dir)) {
            try (ScriptedWorker watcher = new ScriptedWorker(daemon.uri(), "watcher", log).join(ROOM, "observer")) {
                Process coder1 = worker(daemon, "coder-1");
                Process coder2 = worker(daemon, "coder-2", "review");
                log.await(ROOM, "ready", "worker", "coder-1");
                log.await(ROOM, "ready", "worker", "coder-2");

                Process orchestrate = run(dir.resolve("orchestrate.out"), dir.resolve("orchestrate.err"),
                        "orchestrate", TASK, "--bus", daemon.uri().toString(), "--room", ROOM, "--job-id", JOB,
                        "--workspace", dir.resolve("jobs").toString());
                assertTrue(orchestrate.waitFor(JOB_DEADLINE.toSeconds(), TimeUnit.SECONDS), output("orchestrate"));
                assertEquals(0, orchestrate.exitValue(), output("orchestrate"));
                assertTrue(Files.readString(dir.resolve("orchestrate.out")).startsWith(
                        "job team-1 completed: tasks {\"completed\":2}, cost $0.50"), output("orchestrate"));

                history = history(watcher.client());
                assertExitsOnSigterm(coder1, "coder-1");
                assertExitsOnSigterm(coder2, "coder-2");
            }
            assertEquals(0, daemon.stop(), daemon.log());
        }
        assertTasks(history);
        assertReviews(history);
        assertReports();
        assertNothingLeft(history);
    }

    /** Each task went to its coder by name, ran there, changed its workspace, and completed. */
    private void assertTasks(List<JsonNode> history) throws Exception {
        for (int n = 1; n <= 2; n++) {
            String task = "task-" + n;
            String coder = "coder-" + n;
            assertEquals(coder, only(history, "task", task).path("assignee").asText());
            assertEquals(coder, only(history, "started", task).path("worker").asText());
            JsonNode completed = only(history, "completed", task);
            assertEquals(coder, completed.path("worker").asText());
            assertEquals("[\"" + task + ".md\"]", completed.path("files_changed").toString());
            assertTrue(Files.readString(dir.resolve("workspace").resolve(JOB).resolve(task).resolve(task + ".md"))
                    .contains(task.equals("task-1") ? "Add a CSV parser" : "Add a JSON printer"));
            assertInOrder(ofTask(history, task), "task", "started", "progress", "review_request", "cost",
                    "completed", "review_result");
        }
        assertInOrder(types(history), "ready", "ready", "plan", "task", "task", "completed", "completed",
                "review_result", "warning", "review_result", "warning", "job_end");
        List<JsonNode> ends = of(history, "job_end");
        assertEquals(1, ends.size());
        JsonNode end = ends.get(0);
        assertEquals("{\"completed\":2}", end.path("tasks").toString());
        assertEquals(0.5, end.path("cost_usd").asDouble(), 1e-9);
    }

    /**
     * A milestone (coder-1's agent) and a review request (coder-2's) each opened a round; the plan's
     * only reviewer, coordinator-1, is no worker here, so each closed unanswered when the job ended.
     */
    private static void assertReviews(List<JsonNode> history) {
        List<JsonNode> asked = of(history, "review_request").stream().filter(r -> r.has("round")).toList();
        assertEquals(List.of("milestone", "review_request"),
                asked.stream().map(r -> r.path("trigger").asText()).sorted().toList());
        asked.forEach(r -> assertEquals("[\"coordinator-1\"]", r.path("reviewers").toString()));
        for (JsonNode result : of(history, "review_result")) {
            assertEquals("log_warning", result.path("action").asText());
            assertEquals("no review arrived before the job ended", result.path("reason").asText());
        }
    }

    /** FINAL_REPORT.md and final-report.json list every task with its worker and status. */
    private void assertReports() throws Exception {
        String md = Files.readString(dir.resolve("jobs/FINAL_REPORT.md"));
        assertTrue(md.startsWith("# Job team-1 — completed"), md);
        assertTrue(md.contains("| task-1 | Add a CSV parser | coder-1 | coder-1 | completed |"), md);
        assertTrue(md.contains("| task-2 | Add a JSON printer | coder-2 | coder-2 | completed |"), md);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("jobs/final-report.json").toFile());
        assertEquals("completed", json.path("status").asText());
        for (JsonNode task : json.path("tasks")) {
            String n = task.path("task_id").asText().substring("task-".length());
            assertEquals("coder-" + n, task.path("worker").asText(), task.toString());
            assertEquals("completed", task.path("status").asText(), task.toString());
            assertEquals(0.25, task.path("cost_usd").asDouble(), 1e-9);
        }
        assertEquals(2, json.path("tasks").size());
        assertEquals(2, json.path("reviews").size());
    }

    /** The daemon, the workers, the orchestrator and every agent are gone. */
    private static void assertNothingLeft(List<JsonNode> history) {
        WorkerFixture.awaitNoChildProcesses();
        for (JsonNode started : of(history, "started")) {
            long agent = started.path("pid").asLong();
            assertTrue(ProcessHandle.of(agent).isEmpty() || !ProcessHandle.of(agent).get().isAlive(),
                    "agent " + agent + " still runs");
        }
    }

    private void assertExitsOnSigterm(Process worker, String name) throws Exception {
        worker.destroy();
        assertTrue(worker.waitFor(30, TimeUnit.SECONDS), output(name));
        assertEquals(0, worker.exitValue(), output(name));
    }

    private Process worker(DaemonProcess daemon, String name, String... agentArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--bus", daemon.uri().toString(), "--room", ROOM,
                "--role", "coder", "--name", name, "--agent", "custom", "--workspace",
                dir.resolve("workspace").toString(), "--", "bash", WorkerFixture.script("team-agent.sh")));
        args.addAll(List.of(agentArgs));
        return run(dir.resolve(name + ".out"), dir.resolve(name + ".out"), args.toArray(String[]::new));
    }

    private Process run(Path out, Path err, String... args) throws Exception {
        Process process = AgentbusCommand.start(out, err, List.of(args));
        processes.add(process);
        return process;
    }

    private String output(String name) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String suffix : List.of(".out", ".err")) {
            Path file = dir.resolve(name + suffix);
            if (Files.exists(file)) {
                all.append("--- ").append(file.getFileName()).append(":\n").append(Files.readString(file));
            }
        }
        return all.toString();
    }

    /** The room's history, read back from the daemon, as bodies (once orchestrate exited, it is all there). */
    private static List<JsonNode> history(AgentBusClient client) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (ReceivedMessage m : client.history(ROOM, 0, 1000).get(10, TimeUnit.SECONDS).messages()) {
            bodies.add(json.readTree(m.bodyJson()));
        }
        return bodies;
    }

    private static List<JsonNode> of(List<JsonNode> history, String type) {
        return history.stream().filter(b -> b.path("type").asText().equals(type)).toList();
    }

    private static JsonNode only(List<JsonNode> history, String type, String taskId) {
        List<JsonNode> found = of(history, type).stream().filter(b -> b.path("task_id").asText().equals(taskId))
                .toList();
        assertEquals(1, found.size(), type + " of " + taskId + ": " + found);
        return found.get(0);
    }

    private static List<String> ofTask(List<JsonNode> history, String taskId) {
        return types(history.stream().filter(b -> b.path("task_id").asText().equals(taskId)).toList());
    }

    private static List<String> types(List<JsonNode> bodies) {
        return bodies.stream().map(b -> b.path("type").asText()).toList();
    }

    private static void assertInOrder(List<String> all, String... expected) {
        int at = 0;
        for (String type : all) {
            if (at < expected.length && type.equals(expected[at])) {
                at++;
            }
        }
        assertEquals(expected.length, at, all + " lacks, in order, " + List.of(expected) + " from position " + at);
    }
}
