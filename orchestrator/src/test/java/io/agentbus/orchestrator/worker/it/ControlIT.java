package io.agentbus.orchestrator.worker.it;

import static io.agentbus.orchestrator.worker.it.WorkerFixture.DEADLINE;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.awaitNoChildProcesses;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.first;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.is;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.ofTask;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.types;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.worker.Worker;
import io.agentbus.orchestrator.worker.it.LiveDaemon.Event;
import io.agentbus.orchestrator.worker.process.ProcessGroup;
import io.agentbus.orchestrator.worker.rules.RunLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pause, resume and stop from the room, and the worker's own shutdown: states in /proc, events in the room. */
class ControlIT extends LiveWorkerTest {
    @Test
    void shouldPauseAndResumeTheAgentsProcessGroupAndThenStopIt() throws Exception {
        fixture.worker("pause-room", "w", "custom", "generic-agent.sh", "tick").start();
        daemon.task("pause-room", "t1", "coder", "x");
        ProcessGroup group = group(fixture.awaitEvent("pause-room", is("progress", "t1")), "t1");

        daemon.publish("pause-room", "{\"type\":\"pause\",\"task_id\":\"t1\"}");
        fixture.awaitEvent("pause-room", e -> "paused".equals(e.text("state")));
        await().atMost(DEADLINE).until(() -> allStopped(group));
        int ticksWhilePaused = ticks("pause-room");
        daemon.publish("pause-room", "{\"type\":\"resume\",\"worker\":\"w\"}");
        fixture.awaitEvent("pause-room", e -> "running".equals(e.text("state")));
        await().atMost(DEADLINE).until(() -> ticks("pause-room") > ticksWhilePaused + 2);
        daemon.publish("pause-room", "{\"type\":\"stop\"}");

        List<Event> events = ofTask(fixture.awaitEvent("pause-room", is("failed", "t1")), "t1");
        Event failed = first(events, "failed");
        assertEquals("stopped", failed.text("reason"));
        assertEquals(128 + 15, failed.body().path("exit_code").asInt());
        assertEquals(List.of(), group.members());
    }

    @Test
    void shouldIgnoreControlsForAnotherWorkerOrTask() throws Exception {
        fixture.worker("other-room", "w", "custom", "generic-agent.sh", "sleep").start();
        daemon.task("other-room", "t1", "coder", "x");
        fixture.awaitEvent("other-room", is("progress", "t1"));

        daemon.publish("other-room", "{\"type\":\"stop\",\"worker\":\"someone-else\"}");
        daemon.publish("other-room", "{\"type\":\"stop\",\"task_id\":\"t9\"}");
        daemon.publish("other-room", "{\"type\":\"stop\",\"task_id\":\"t1\",\"worker\":\"w\"}");

        List<Event> events = ofTask(fixture.awaitEvent("other-room", is("failed", "t1")), "t1");
        assertEquals(List.of("started", "progress", "failed"), types(events));
        assertTrue(fixture.diagnostics.isEmpty(), fixture.diagnostics.toString());
    }

    @Test
    void shouldKillAnAgentThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        fixture.worker("stubborn-room", "w", "custom", "generic-agent.sh", "stubborn").start();
        daemon.task("stubborn-room", "t1", "coder", "x");
        fixture.awaitEvent("stubborn-room", is("progress", "t1"));

        daemon.publish("stubborn-room", "{\"type\":\"stop\",\"task_id\":\"t1\"}");

        List<Event> events = ofTask(fixture.awaitEvent("stubborn-room", is("failed", "t1")), "t1");
        assertEquals(128 + 9, first(events, "failed").body().path("exit_code").asInt());
        assertEquals(List.of(), group(events, "t1").members());
    }

    @Test
    void shouldStopAQueuedTaskWithoutStartingIt() throws Exception {
        fixture.worker("queue-room", "w", "custom", "generic-agent.sh", "sleep").start();
        daemon.task("queue-room", "t1", "coder", "x");
        daemon.task("queue-room", "t2", "coder", "y");
        fixture.awaitEvent("queue-room", is("progress", "t1"));

        daemon.publish("queue-room", "{\"type\":\"stop\",\"task_id\":\"t2\"}");
        List<Event> t2 = ofTask(fixture.awaitEvent("queue-room", is("failed", "t2")), "t2");
        daemon.publish("queue-room", "{\"type\":\"stop\"}");
        List<Event> t1 = ofTask(fixture.awaitEvent("queue-room", is("failed", "t1")), "t1");

        assertEquals(List.of("failed"), types(t2));
        assertEquals("stopped", t2.get(0).text("reason"));
        assertEquals(-1, t2.get(0).body().path("exit_code").asInt());
        assertEquals("stopped", first(t1, "failed").text("reason"));
    }

    @Test
    void shouldHoldQueuedTasksWhileEveryoneIsPaused() throws Exception {
        fixture.worker("hold-room", "w", "custom", "generic-agent.sh", "events").start();
        daemon.publish("hold-room", "{\"type\":\"pause\"}");
        daemon.task("hold-room", "t1", "coder", "x");
        await().atMost(DEADLINE).until(() -> daemon.history("hold-room").stream()
                .anyMatch(e -> e.type().equals("task")));
        assertFalse(daemon.history("hold-room").stream().anyMatch(is("started", "t1")));

        daemon.publish("hold-room", "{\"type\":\"resume\"}");

        fixture.awaitEvent("hold-room", is("completed", "t1"));
    }

    @Test
    void shouldStopItsAgentAndReportItsTasksWhenTheWorkerShutsDown() throws Exception {
        RunLimits shortGrace = new RunLimits(Duration.ofSeconds(20), 0, Duration.ofMillis(100), Duration.ofMillis(200));
        Worker worker = fixture.worker("shutdown-room", "w", "custom", "generic-agent.sh", "sleep")
                .limits(shortGrace).start();
        daemon.task("shutdown-room", "t1", "coder", "x");
        daemon.task("shutdown-room", "t2", "coder", "y");
        List<Event> running = fixture.awaitEvent("shutdown-room", is("progress", "t1"));
        long pid = first(ofTask(running, "t1"), "started").body().path("pid").asLong();
        assertTrue(ProcessHandle.current().descendants().anyMatch(p -> p.pid() == pid), "the agent is our child");

        worker.close();

        List<Event> events = daemon.history("shutdown-room");
        assertEquals("worker_shutdown", first(ofTask(events, "t1"), "failed").text("reason"));
        assertEquals("worker_shutdown", first(ofTask(events, "t2"), "failed").text("reason"));
        assertEquals(List.of(), new ProcessGroup(pid).members());
        awaitNoChildProcesses();
    }

    @Test
    void shouldPublishHeartbeats() throws Exception {
        fixture.worker("beat-room", "w", "custom", "generic-agent.sh", "sleep").heartbeat(Duration.ofMillis(200))
                .start();
        fixture.awaitEvent("beat-room", e -> e.type().equals("heartbeat") && "idle".equals(e.text("state")));
        daemon.task("beat-room", "t1", "coder", "x");

        Event beat = first(fixture.awaitEvent("beat-room", is("heartbeat", "t1")).stream()
                .filter(is("heartbeat", "t1")).toList(), "heartbeat");

        assertEquals("running", beat.text("state"));
        assertTrue(beat.body().path("pid").asLong() > 0);
        assertEquals(io.agentbus.protocol.Priority.LOW, beat.message().priority());
        daemon.publish("beat-room", "{\"type\":\"stop\"}");
        fixture.awaitEvent("beat-room", is("failed", "t1"));
    }

    private static ProcessGroup group(List<Event> history, String taskId) {
        return new ProcessGroup(first(ofTask(history, taskId), "started").body().path("pid").asLong());
    }

    private static boolean allStopped(ProcessGroup group) {
        List<Long> members = group.members();
        return !members.isEmpty() && members.stream().allMatch(pid -> "T".equals(state(pid)));
    }

    private static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (Exception gone) {
            return "gone";
        }
    }

    private static int ticks(String room) {
        return (int) daemon.history(room).stream()
                .filter(e -> e.type().equals("progress") && String.valueOf(e.text("message")).startsWith("tick"))
                .count();
    }
}
