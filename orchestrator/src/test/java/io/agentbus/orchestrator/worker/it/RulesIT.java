package io.agentbus.orchestrator.worker.it;

import static io.agentbus.orchestrator.worker.it.WorkerFixture.first;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.is;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.ofTask;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.worker.it.LiveDaemon.Event;
import io.agentbus.orchestrator.worker.process.ProcessGroup;
import io.agentbus.orchestrator.worker.rules.RunLimits;
import io.agentbus.protocol.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failure, retry, timeout, forbidden operations and the cost cap, as the room sees them. */
class RulesIT extends LiveWorkerTest {
    @Test
    void shouldFailWithTheExitCodeAndTheLastLinesOfStderr() throws Exception {
        fixture.worker("fail-room", "w", "custom", "generic-agent.sh", "fail").start();
        daemon.task("fail-room", "t1", "coder", "x");

        List<Event> events = ofTask(fixture.awaitEvent("fail-room", is("failed", "t1")), "t1");

        assertEquals(List.of("started", "progress", "failed"), types(WorkerFixture.withoutStderr(events)));
        assertEquals(List.of("error: first", "error: second", "error: the last one"), WorkerFixture.stderr(events));
        Event failed = first(events, "failed");
        assertEquals("exit", failed.text("reason"));
        assertEquals(3, failed.body().path("exit_code").asInt());
        assertEquals("error: first\nerror: second\nerror: the last one", failed.text("stderr_tail"));
        assertEquals(Priority.HIGH, failed.message().priority());
    }

    @Test
    void shouldRetryAFailureAfterTheBackoff() throws Exception {
        RunLimits twoRetries = new RunLimits(Duration.ofSeconds(20), 2, Duration.ofMillis(100), Duration.ofMillis(500));
        fixture.worker("retry-room", "w", "custom", "generic-agent.sh", "flaky").limits(twoRetries).start();
        daemon.task("retry-room", "t1", "coder", "x");

        List<Event> events = ofTask(fixture.awaitEvent("retry-room", is("completed", "t1")), "t1");

        events = WorkerFixture.withoutStderr(events);
        assertEquals(List.of("started", "recovery", "started", "completed"), types(events));
        Event retry = events.get(1);
        assertEquals("retry", retry.text("action"));
        assertEquals(100, retry.body().path("backoff_ms").asLong());
        assertTrue(retry.text("message").startsWith("the agent exited with 4; retry 1 of 2"), retry.text("message"));
        assertEquals(2, events.get(2).body().path("attempt").asInt());
        assertEquals("worked the second time", first(events, "completed").text("summary"));
    }

    @Test
    void shouldGiveUpAfterTheLastRetry() throws Exception {
        RunLimits oneRetry = new RunLimits(Duration.ofSeconds(20), 1, Duration.ofMillis(50), Duration.ofMillis(500));
        fixture.worker("retry-out-room", "w", "custom", "generic-agent.sh", "fail").limits(oneRetry).start();
        daemon.task("retry-out-room", "t1", "coder", "x");

        List<Event> events = ofTask(fixture.awaitEvent("retry-out-room", is("failed", "t1")), "t1");

        assertEquals(2, types(events).stream().filter("started"::equals).count());
        assertEquals(1, types(events).stream().filter("failed"::equals).count());
        assertEquals(2, first(events, "failed").body().path("attempt").asInt());
    }

    @Test
    void shouldStopAnAgentThatRunsOutOfTimeAndLeaveNoProcess() throws Exception {
        RunLimits oneSecond = new RunLimits(Duration.ofSeconds(1), 3, Duration.ofMillis(50), Duration.ofMillis(500));
        fixture.worker("timeout-room", "w", "custom", "generic-agent.sh", "sleep").limits(oneSecond).start();
        daemon.task("timeout-room", "t1", "coder", "x");

        List<Event> events = ofTask(fixture.awaitEvent("timeout-room", is("failed", "t1")), "t1");

        assertEquals(List.of("started", "progress", "failed"), types(events), "a timeout is not retried");
        Event failed = first(events, "failed");
        assertEquals("timeout", failed.text("reason"));
        assertEquals(128 + 15, failed.body().path("exit_code").asInt());
        assertTrue(failed.body().path("duration_ms").asLong() >= 1000);
        assertEquals(List.of(), new ProcessGroup(first(events, "started").body().path("pid").asLong()).members());
    }

    @Test
    void shouldStopAnAgentThatTriesGitPushWithABlocker() throws Exception {
        fixture.worker("push-room", "w", "claude", "fake-claude.sh", "push").start();
        daemon.task("push-room", "t1", "coder", "publish it");

        List<Event> events = ofTask(fixture.awaitEvent("push-room", is("failed", "t1")), "t1");

        assertEquals(List.of("started", "log", "progress", "blocker", "failed"), types(events));
        assertEquals("git push origin main", events.get(2).text("command"));
        Event blocker = first(events, "blocker");
        assertEquals("forbidden_operation", blocker.text("reason"));
        assertEquals("git push", blocker.text("rule"));
        assertEquals("git push origin main", blocker.text("command"));
        assertEquals(Priority.HIGH, blocker.message().priority());
        assertEquals("forbidden_operation", first(events, "failed").text("reason"));
        assertEquals(List.of(), new ProcessGroup(first(events, "started").body().path("pid").asLong()).members());
    }

    @Test
    void shouldStopAtTheCostCapAndTakeNoMoreTasks() throws Exception {
        fixture.worker("cost-room", "w", "custom", "generic-agent.sh", "cost").costCap(1.0).start();
        daemon.task("cost-room", "t1", "coder", "x");
        List<Event> events = ofTask(fixture.awaitEvent("cost-room", is("failed", "t1")), "t1");

        assertEquals(List.of("started", "cost", "cost", "blocker", "failed"), types(events));
        assertEquals(1.2, events.get(2).body().path("worker_usd").asDouble(), 1e-9);
        assertEquals("cost_cap", first(events, "blocker").text("reason"));
        assertEquals("cost_cap", first(events, "failed").text("reason"));

        daemon.task("cost-room", "t2", "coder", "y");
        List<Event> second = ofTask(fixture.awaitEvent("cost-room", is("failed", "t2")), "t2");
        assertEquals(List.of("failed"), types(second), "no agent started over the cap");
        assertEquals("cost_cap", second.get(0).text("reason"));
    }

    @Test
    void shouldWorkInAGitWorktreeOfTheTargetAndReportItsChangedFiles() throws Exception {
        Path repo = gitRepo();
        fixture.worker("git-room", "w", "custom", "generic-agent.sh", "events").target(repo).start();
        daemon.task("git-room", "t1", "coder", "x");

        List<Event> events = ofTask(fixture.awaitEvent("git-room", is("completed", "t1")), "t1");

        Event completed = first(events, "completed");
        assertEquals(List.of("out.txt"), AgentFormatsIT.strings(completed, "files_changed"));
        Path worktree = Path.of(first(events, "started").text("workspace"));
        assertTrue(Files.exists(worktree.resolve("README.md")), "a worktree of the target");
        assertFalse(Files.exists(repo.resolve("out.txt")), "the user's checkout is untouched");
        assertEquals("agentbus/job-1/t1", git(repo, "branch", "--list", "agentbus/*").replace("+", "").strip());
    }

    @Test
    void shouldSeeACommitInTheWorkspaceAsAForbiddenOperation() throws Exception {
        Path repo = gitRepo();
        fixture.worker("commit-room", "w", "custom", "generic-agent.sh", "commit").target(repo).start();
        daemon.task("commit-room", "t1", "coder", "x");

        List<Event> events = ofTask(fixture.awaitEvent("commit-room", is("failed", "t1")), "t1");

        Event blocker = first(events, "blocker");
        assertEquals("forbidden_operation", blocker.text("reason"));
        assertEquals("git commit", blocker.text("rule"));
        assertEquals("forbidden_operation", first(events, "failed").text("reason"));
    }

    private Path gitRepo() throws Exception {
        Path repo = Files.createDirectories(workspaces.resolve("repo"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README.md"), "hello\n");
        git(repo, "add", "README.md");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "init");
        return repo;
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
