package io.agentbus.orchestrator.worker.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes in their own process groups: output, exit, pause, stop, leftovers, the watchdog. */
class AgentProcessIT {
    private static final Duration GRACE = Duration.ofMillis(500);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final ProcessLauncher launcher = new ProcessLauncher();

    @AfterEach
    void stopEverything() {
        launcher.stopAll(GRACE);
    }

    private AgentProcess start(String script, String stdin) throws Exception {
        return launcher.start(List.of("bash", "-c", script), dir, Map.of("GREETING", "hi"), stdin, out::add, err::add);
    }

    @Test
    void shouldRunInAGroupOfItsOwnAndHandOverBothStreamsLineByLine() throws Exception {
        AgentProcess p = start("echo \"$GREETING $(pwd)\"; printf 'no newline'; echo oops >&2; "
                + "read -r line; echo \"got $line\" >&2; exit 3", "the prompt\n");

        assertEquals(p.pid(), ProcessGroup.of(p.pid()), "the agent leads its own group");
        assertTrue(p.waitFor(DEADLINE));
        p.finish(DEADLINE);

        assertEquals(3, p.exitCode());
        assertEquals(List.of("hi " + dir.toRealPath(), "no newline"), out);
        assertEquals(List.of("oops", "got the prompt"), err);
        assertEquals(List.of(), p.groupMembers());
        assertEquals(0, launcher.aliveCount());
    }

    @Test
    void shouldKillWhatTheAgentLeftInItsGroupWhenItExits() throws Exception {
        AgentProcess p = start("sleep 600 & echo $!", null);

        assertTrue(p.waitFor(DEADLINE));
        await().atMost(DEADLINE).until(() -> out.size() == 1);
        long leftover = Long.parseLong(out.get(0));
        assertTrue(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false), "sleep outlived the agent");
        p.finish(DEADLINE);

        await().atMost(DEADLINE).until(() -> p.groupMembers().isEmpty());
        await().atMost(DEADLINE).until(() -> List.of("gone", "Z").contains(state(leftover)));
    }

    @Test
    void shouldPauseAndResumeTheWholeGroup() throws Exception {
        AgentProcess p = start("sleep 600 & echo ready; wait", null);
        await().atMost(DEADLINE).until(() -> out.contains("ready"));

        p.pause();
        await().atMost(DEADLINE).until(() -> allInState(p, "T"));
        p.resume();
        await().atMost(DEADLINE).until(() -> noneInState(p, "T"));

        p.stop(GRACE);
        assertEquals(List.of(), p.groupMembers());
    }

    @Test
    void shouldStopWithTermAndKillWhatIgnoresItAfterTheGrace() throws Exception {
        AgentProcess polite = start("echo ready; sleep 600 & wait", null);
        await().atMost(DEADLINE).until(() -> out.contains("ready"));
        polite.stop(GRACE);
        assertEquals(128 + 15, polite.exitCode());
        assertEquals(List.of(), polite.groupMembers());

        out.clear();
        AgentProcess stubborn = start("trap '' TERM; echo ready; while true; do sleep 0.05; done", null);
        await().atMost(DEADLINE).until(() -> out.contains("ready"));
        long started = System.nanoTime();
        stubborn.stop(GRACE);
        assertEquals(128 + 9, stubborn.exitCode());
        assertTrue(System.nanoTime() - started >= GRACE.toNanos(), "SIGKILL only after the grace period");
        assertEquals(List.of(), stubborn.groupMembers());
    }

    @Test
    void shouldStopAPausedAgent() throws Exception {
        AgentProcess p = start("echo ready; sleep 600", null);
        await().atMost(DEADLINE).until(() -> out.contains("ready"));
        p.pause();
        await().atMost(DEADLINE).until(() -> allInState(p, "T"));

        p.stop(Duration.ofSeconds(5));

        assertEquals(128 + 15, p.exitCode(), "SIGCONT after SIGTERM lets the paused group take it");
        assertEquals(List.of(), p.groupMembers());
    }

    @Test
    void shouldKillTheGroupWhenTheWatchedProcessDies() throws Exception {
        Process watched = new ProcessBuilder("sleep", "600").start();
        try {
            ProcessLauncher orphaned = new ProcessLauncher(watched.pid());
            AgentProcess p = orphaned.start(List.of("bash", "-c", "echo ready; sleep 600"), dir, Map.of(), null,
                    out::add, err::add);
            await().atMost(DEADLINE).until(() -> out.contains("ready"));
            assertEquals(3, p.groupMembers().size(), "agent, watchdog subshell, tail: " + p.groupMembers());

            watched.destroyForcibly().waitFor();

            await().atMost(DEADLINE).until(() -> p.groupMembers().isEmpty());
            assertTrue(p.waitFor(DEADLINE));
            assertEquals(128 + 9, p.exitCode());
            p.finish(GRACE);
        } finally {
            watched.destroyForcibly();
        }
    }

    @Test
    void shouldCutAnEndlessLineAtTheBound() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Path big = dir.resolve("big");
        Files.writeString(big, "x".repeat(100) + "\nshort\n");
        new LineReader(Files.newInputStream(big), lines::add, 10).run();

        assertEquals(List.of("x".repeat(10), "short"), lines);
    }

    private static boolean allInState(AgentProcess p, String state) {
        List<Long> members = p.groupMembers();
        return !members.isEmpty() && members.stream().allMatch(pid -> state.equals(state(pid)));
    }

    private static boolean noneInState(AgentProcess p, String state) {
        return p.groupMembers().stream().noneMatch(pid -> state.equals(state(pid)));
    }

    static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (Exception gone) {
            return "gone";
        }
    }
}
