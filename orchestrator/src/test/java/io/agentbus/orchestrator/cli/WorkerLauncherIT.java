package io.agentbus.orchestrator.cli;

import static io.agentbus.orchestrator.worker.it.WorkerFixture.DEADLINE;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.first;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.is;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.ofTask;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.script;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.it.AgentbusCommand;
import io.agentbus.orchestrator.worker.it.LiveDaemon;
import io.agentbus.orchestrator.worker.it.WorkerFixture;
import io.agentbus.orchestrator.worker.process.ProcessGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/agentbus worker} as a user runs it, in a JVM of its own (the launcher runs the test
 * classpath through {@code AGENTBUS_CLASSPATH}): its agent does not outlive it, whether it is
 * stopped with SIGTERM (the shutdown hook) or killed with SIGKILL (the watchdog in the agent's group).
 */
class WorkerLauncherIT {
    @TempDir
    static Path dataDir;
    static LiveDaemon daemon;

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = LiveDaemon.start(dataDir);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void killWorkers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void shouldStopItsAgentAndExitZeroOnSigterm() throws Exception {
        Process worker = launchWorker("term-room");
        long agent = agentPid("term-room");

        worker.destroy();

        assertTrue(worker.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the worker did not exit");
        assertEquals(0, worker.exitValue(), stderr());
        assertEquals("worker_shutdown", first(ofTask(daemon.history("term-room"), "t1"), "failed").text("reason"));
        assertEquals(List.of(), new ProcessGroup(agent).members());
    }

    @Test
    void shouldLeaveNoAgentBehindWhenKilled() throws Exception {
        Process worker = launchWorker("kill-room");
        long agent = agentPid("kill-room");

        worker.destroyForcibly().waitFor();

        await().atMost(DEADLINE).until(() -> new ProcessGroup(agent).members().isEmpty());
    }

    private Process launchWorker(String room) throws Exception {
        List<String> args = List.of("worker", "--bus", daemon.uri().toString(), "--room", room, "--role", "coder",
                "--agent", "custom", "--workspace", dir.toString(), "--grace", "1s", "--", "bash",
                script("generic-agent.sh"), "sleep");
        Process worker = AgentbusCommand.start(dir.resolve("stdout.txt"), dir.resolve("stderr.txt"), args);
        processes.add(worker);
        new WorkerFixture(daemon, dir).awaitEvent(room, e -> e.type().equals("ready"));
        daemon.task(room, "t1", "coder", "sleep");
        return worker;
    }

    private long agentPid(String room) {
        List<LiveDaemon.Event> history = new WorkerFixture(daemon, dir).awaitEvent(room, is("progress", "t1"));
        long pid = first(ofTask(history, "t1"), "started").body().path("pid").asLong();
        assertFalse(new ProcessGroup(pid).members().isEmpty(), "the agent runs");
        return pid;
    }

    private String stderr() throws Exception {
        return Files.readString(dir.resolve("stderr.txt"));
    }
}
