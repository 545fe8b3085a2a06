package io.agentbus.orchestrator.cli;

import static io.agentbus.orchestrator.worker.it.WorkerFixture.awaitNoChildProcesses;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.is;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.worker.it.LiveDaemon;
import io.agentbus.orchestrator.worker.it.WorkerFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code agentbus worker} run in-process through the launcher's entry point: a task end to end, and every bad flag. */
class WorkerCommandIT {
    @TempDir
    static Path dataDir;
    static LiveDaemon daemon;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = LiveDaemon.start(dataDir);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    /** A run of the command line with its stdout and stderr. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CliRun run = CliRun.of(args);
        return new Run(run.exitCode(), run.out(), run.err());
    }

    private List<String> worker(String room, String... more) {
        List<String> args = new ArrayList<>(List.of("worker", "--bus", daemon.uri().toString(), "--room", room,
                "--role", "coder", "--workspace", dir.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void shouldRunATaskAndExitAfterMaxTasks() throws Exception {
        List<String> args = worker("cli-room", "--name", "cli-worker", "--agent", "custom", "--max-tasks", "1", "--",
                "bash", script("generic-agent.sh"), "events");
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> run(args.toArray(String[]::new)));
        new WorkerFixture(daemon, dir).awaitEvent("cli-room", e -> e.type().equals("ready"));

        daemon.task("cli-room", "t1", "coder", "hello");
        Run done = running.get(30, TimeUnit.SECONDS);

        assertEquals(0, done.exitCode(), done.err());
        assertTrue(done.err().contains("cli-worker (coder, custom) is in cli-room"), done.err());
        assertTrue(daemon.history("cli-room").stream().anyMatch(is("completed", "t1")));
        assertEquals("prompt: hello", Files.readString(dir.resolve("job-1/t1/out.txt")).strip());
        awaitNoChildProcesses();
    }

    @Test
    void shouldFindAProgramGivenByARelativePathFromWhereItStarted() throws Exception {
        String relative = Path.of("").toAbsolutePath().relativize(Path.of(script("generic-agent.sh"))).toString();
        assertTrue(relative.contains("/") && !relative.startsWith("/"), relative);
        List<String> args = worker("relative-room", "--agent", "custom", "--max-tasks", "1", "--", relative, "events");
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> run(args.toArray(String[]::new)));
        new WorkerFixture(daemon, dir).awaitEvent("relative-room", e -> e.type().equals("ready"));

        daemon.task("relative-room", "t1", "coder", "hello");
        Run done = running.get(30, TimeUnit.SECONDS);

        assertEquals(0, done.exitCode(), done.err());
        assertTrue(daemon.history("relative-room").stream().anyMatch(is("completed", "t1")), done.err());
        assertEquals("prompt: hello", Files.readString(dir.resolve("job-1/t1/out.txt")).strip());
        awaitNoChildProcesses();
    }

    @Test
    void shouldSayWhenItCannotConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run run = run("worker", "--bus", "ws://127.0.0.1:" + port + "/ws", "--room", "r", "--role", "coder",
                "--agent", "claude", "--connect-timeout", "500ms");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("agentbus worker: cannot join r at ws://127.0.0.1:" + port), run.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--agent claude --timeout 0|'0' is not a positive duration",
        "--agent claude --timeout soon|'soon' is not a positive duration such as 500ms, 30s, 10m or 2h",
        "--agent claude --retries x|Invalid value for option '--retries'",
        "--agent gpt|unknown agent 'gpt'; configured: claude, codex, custom, gemini",
        "--agent custom|agent 'custom' has no command: give one after --",
        "--agent claude --retries -1|retries must be >= 0, not -1",
        "--agent claude --cost-cap 0|the cost cap must be a positive number of US dollars",
        "--agent claude --config /no/such/file.json|/no/such/file.json: cannot read",
        "--agent claude --prompt-via pipe|--prompt-via must be argument, stdin or file, not 'pipe'",
        "--agent claude --format yaml|unknown output format 'yaml'",
        "--agent claude --name a/b|--name (default ROLE-PID) must be an id",
        "--agent claude --max-tasks -1|maxTasks must be >= 0",
        "--agent claude --bogus|Unknown option: '--bogus'",
    })
    void shouldRefuseABadCommandLineAsAUsageError(String flags, String expected) {
        List<String> args = worker("r", flags.split(" "));

        Run run = run(args.toArray(String[]::new));

        assertEquals(64, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    @Test
    void shouldRefuseAMissingRoomAndABadBusUrl() {
        Run noRoom = run("worker", "--role", "coder", "--agent", "claude");
        Run badBus = run("worker", "--bus", "http://localhost:7070", "--room", "r", "--role", "coder", "--agent",
                "claude");
        Run badRoom = run("worker", "--room", "no room", "--role", "coder", "--agent", "claude");

        assertEquals(64, noRoom.exitCode());
        assertTrue(noRoom.err().contains("Missing required option: '--room=ROOM'"), noRoom.err());
        assertEquals(64, badBus.exitCode());
        assertTrue(badBus.err().contains("--bus must be a ws:// URL"), badBus.err());
        assertEquals(64, badRoom.exitCode());
        assertTrue(badRoom.err().contains("room must match"), badRoom.err());
    }

    @Test
    void shouldPrintItsHelp() {
        Run help = run("worker", "--help");

        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Run an agent CLI as a worker on the bus."), help.out());
        assertTrue(help.out().contains("--cost-cap=USD"), help.out());
    }
}
