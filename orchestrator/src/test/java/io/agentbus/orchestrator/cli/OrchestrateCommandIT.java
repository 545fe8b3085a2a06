package io.agentbus.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.it.LiveDaemon;
import io.agentbus.orchestrator.it.RoomLog;
import io.agentbus.orchestrator.it.ScriptedWorker;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code agentbus orchestrate} and {@code agentbus job} through the command line, against the live daemon. */
class OrchestrateCommandIT {
    @TempDir
    Path dir;

    private LiveDaemon daemon;
    private final RoomLog log = new RoomLog();

    @BeforeEach
    void start() throws Exception {
        daemon = LiveDaemon.start(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void shouldRunAJobToTheEndAndExitZeroWhenEveryTaskCompleted() throws Exception {
        try (ScriptedWorker coder = new ScriptedWorker(daemon.uri(), "coder-1", log).join("cli-1", "coder")) {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("orchestrate",
                    "Fix the typo in 1 file", "--bus", daemon.uri().toString(), "--room", "cli-1", "--job-id", "j1",
                    "--workspace", dir.resolve("ws").toString()));
            log.await("cli-1", "task", "task_id", "task-1");
            coder.emit("cli-1", "started", "task-1");
            coder.emit("cli-1", "completed", "task-1", "summary", "typo fixed");
            CliRun done = run.get(30, TimeUnit.SECONDS);
            assertEquals(0, done.exitCode(), done.toString());
            assertTrue(done.out().contains("job j1 completed"), done.toString());
            assertTrue(done.err().contains("single, 1 tasks for 1 agents"), done.toString());
            assertTrue(Files.readString(dir.resolve("ws/FINAL_REPORT.md")).contains("typo fixed"));
            assertEquals("job_end", lastType("cli-1"), "orchestrate exits once its last message is in the room");
            assertEquals("orchestrator-cli-1", log.await("cli-1", "plan").from());
        }
    }

    @Test
    void shouldPauseAndStopAJobFromTheCommandLine() throws Exception {
        try (ScriptedWorker coder = new ScriptedWorker(daemon.uri(), "coder-1", log).join("cli-2", "coder")) {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("orchestrate",
                    "Fix the typo in 1 file", "--bus", daemon.uri().toString(), "--room", "cli-2",
                    "--workspace", dir.resolve("ws2").toString()));
            log.await("cli-2", "task", "task_id", "task-1");
            coder.emit("cli-2", "started", "task-1");
            CliRun pause = CliRun.of("job", "pause", "--room", "cli-2", "--task", "task-1", "--bus",
                    daemon.uri().toString(), "--reason", "lunch");
            assertEquals(0, pause.exitCode(), pause.toString());
            assertTrue(pause.out().strip().matches("\\d+"), pause.toString());
            assertEquals("lunch", log.await("cli-2", "pause", "task_id", "task-1").field("reason"));
            CliRun stop = CliRun.of("job", "STOP", "--room", "cli-2", "--bus", daemon.uri().toString());
            assertEquals(0, stop.exitCode(), stop.toString());
            CliRun done = run.get(30, TimeUnit.SECONDS);
            assertEquals(1, done.exitCode(), done.toString());
            assertTrue(done.out().contains("stopped"), done.toString());
            assertTrue(log.await("cli-2", "job_end").field("status").equals("stopped"));
        }
    }

    private String lastType(String room) throws Exception {
        try (AgentBusClient reader = AgentBusClient.builder(daemon.uri(), "reader").connect()) {
            List<ReceivedMessage> messages = reader.history(room, 0, 1000).get(10, TimeUnit.SECONDS).messages();
            return messages.get(messages.size() - 1).type();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no room          | orchestrate,Fix it                                         | Missing required option: '--room=ROOM'",
        "bad room         | orchestrate,Fix it,--room,no spaces please                 | --room must be an id",
        "http bus         | orchestrate,Fix it,--room,r,--bus,http://127.0.0.1:1/ws    | is not a ws://HOST:PORT/ws URL",
        "negative budget  | orchestrate,Fix it,--room,r,--budget-usd,-1                | --budget-usd and --daily-budget-usd must be >= 0",
        "bad budget       | orchestrate,Fix it,--room,r,--budget-usd,lots              | Invalid value for option '--budget-usd'",
        "ftp webhook      | orchestrate,Fix it,--room,r,--webhook,ftp://x/y            | --webhook must be an http:// or https:// URL",
        "negative depth   | orchestrate,Fix it,--room,r,--max-depth,-1                 | --max-depth must be >= 0",
        "blank task       | orchestrate, ,--room,r                                     | task is empty",
        "unknown action   | job,explode,--room,r                                       | Invalid value for positional parameter at index 0",
        "job without room | job,pause                                                  | Missing required option: '--room=ROOM'",
        "empty task id    | job,pause,--room,r,--task,                                 | --task and --worker must not be empty",
    })
    void shouldRefuseABadCommandLineWithUsageStatus(String label, String args, String message) {
        CliRun run = CliRun.of(args.split(",", -1));
        assertEquals(64, run.exitCode(), run.toString());
        assertTrue(run.err().contains(message), run.toString());
    }

    @Test
    void shouldRefuseToStartWhenTheDaysBudgetIsSpent() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Files.writeString(dir.resolve("daily-spend.json"), "{\"" + today + "\": 5.0}");
        CliRun run = CliRun.of("orchestrate", "Fix the typo in 1 file", "--bus", daemon.uri().toString(), "--room",
                "cli-3", "--daily-budget-usd", "5", "--workspace", dir.resolve("ws3").toString());
        assertEquals(64, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the day's budget of $5.00 is spent"), run.toString());
    }

    @Test
    void shouldExitTwoWhenTheBusIsNotThere() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("job", "stop", "--room", "r", "--bus", "ws://127.0.0.1:" + port + "/ws",
                "--connect-timeout", "1");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("agentbus:"), run.toString());
    }
}
