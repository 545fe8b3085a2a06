package io.agentbus.orchestrator.worker.it;

import static io.agentbus.orchestrator.worker.it.WorkerFixture.is;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.ofTask;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.worker.it.LiveDaemon.Event;
import io.agentbus.protocol.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which room messages a worker takes, and what it does with bodies it cannot use. */
class WorkerMessagesIT extends LiveWorkerTest {
    @Test
    void shouldSayReadyWithItsAgentAndRole() {
        fixture.worker("ready-room", "coder-7", "custom", "generic-agent.sh").start();

        Event ready = fixture.awaitEvent("ready-room", e -> e.type().equals("ready")).get(0);

        assertEquals("coder-7", ready.text("worker"));
        assertEquals("coder", ready.text("role"));
        assertEquals("custom", ready.text("agent"));
        assertEquals("coder-7", ready.message().from());
        assertEquals(0, ready.body().path("joined_offset").asLong(-1), "the room was empty when it joined");
    }

    @Test
    void shouldSayUpToWhichOffsetItMissedTheRoom() throws Exception {
        long before = daemon.task("joined-room", "t0", "reviewer", "not for a coder");
        fixture.worker("joined-room", "coder-8", "custom", "generic-agent.sh").start();

        Event ready = fixture.awaitEvent("joined-room", e -> e.type().equals("ready")).stream()
                .filter(e -> e.type().equals("ready")).findFirst().orElseThrow();

        assertEquals(before, ready.body().path("joined_offset").asLong(-1));
    }

    @Test
    void shouldNotQueueAgainTheTaskItIsRunning() throws Exception {
        fixture.worker("again-room", "w", "custom", "generic-agent.sh", "sleep").start();
        daemon.task("again-room", "t1", "coder", "x");
        fixture.awaitEvent("again-room", is("progress", "t1"));

        daemon.task("again-room", "t1", "coder", "x");
        daemon.task("again-room", "t2", "coder", "y");
        daemon.publish("again-room", "{\"type\":\"stop\",\"task_id\":\"t1\"}");
        List<Event> history = fixture.awaitEvent("again-room", is("progress", "t2"));
        daemon.publish("again-room", "{\"type\":\"stop\"}");

        List<String> started = history.stream().filter(e -> e.type().equals("started")).map(Event::taskId).toList();
        assertEquals(List.of("t1", "t2"), started, "t1, sent again while it ran, did not run twice");
        fixture.awaitEvent("again-room", is("failed", "t2"));
    }

    @Test
    void shouldTakeTasksForItsRoleOrItsNameOnly() throws Exception {
        fixture.worker("who-room", "coder-1", "custom", "generic-agent.sh", "events").start();
        daemon.publish("who-room", "{\"type\":\"task\",\"task_id\":\"r1\",\"role\":\"reviewer\",\"prompt\":\"p\"}");
        daemon.publish("who-room", "{\"type\":\"task\",\"task_id\":\"a1\",\"role\":\"coder\",\"assignee\":\"coder-2\","
                + "\"prompt\":\"p\"}");
        daemon.publish("who-room", "{\"type\":\"task\",\"task_id\":\"a2\",\"role\":\"reviewer\","
                + "\"assignee\":\"coder-1\",\"prompt\":\"p\"}");
        daemon.publish("who-room", "{\"type\":\"task\",\"task_id\":7,\"role\":\"coder\",\"prompt\":\"p\"}");

        List<Event> history = fixture.awaitEvent("who-room", is("completed", "7"));

        assertEquals(List.of(), ofTask(history, "r1"));
        assertEquals(List.of(), ofTask(history, "a1"));
        assertEquals("completed", types(ofTask(history, "a2")).get(types(ofTask(history, "a2")).size() - 1));
        assertEquals("default", ofTask(history, "7").get(0).text("job"), "job defaults to 'default'");
    }

    @Test
    void shouldLogBadBodiesAndKeepWorking() throws Exception {
        fixture.worker("bad-room", "coder-1", "custom", "generic-agent.sh", "events").start();
        daemon.publish("bad-room", "{\"type\":\"task\",\"task_id\":\"b1\",\"role\":\"coder\"}");
        daemon.publish("bad-room", "{\"type\":\"task\",\"task_id\":\"b2\",\"role\":\"coder\",\"prompt\":42}");
        daemon.publish("bad-room", "{\"type\":\"task\",\"role\":\"coder\",\"prompt\":\"p\"}");
        daemon.publish("bad-room", "{\"type\":\"task\",\"task_id\":\"b3\",\"prompt\":\"p\"}");
        daemon.publish("bad-room", "{\"type\":\"stop\",\"worker\":[1]}");
        daemon.publish("bad-room", "{\"type\":42}");
        daemon.publish("bad-room", "\"just a string\"");
        daemon.publish("bad-room", "[1,2,3]");
        daemon.task("bad-room", "good", "coder", "p");

        List<Event> history = fixture.awaitEvent("bad-room", is("completed", "good"));

        List<String> warnings = history.stream().filter(e -> e.type().equals("log") && "warn".equals(e.text("level")))
                .map(e -> e.text("message")).toList();
        assertEquals(5, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).endsWith("task without 'prompt'"), warnings.get(0));
        assertTrue(warnings.get(1).endsWith("task with 'prompt' that is not a non-empty string: 42"), warnings.get(1));
        assertTrue(warnings.get(2).endsWith("task without a string or integer 'task_id'"), warnings.get(2));
        assertTrue(warnings.get(3).endsWith("task without 'role' or 'assignee'"), warnings.get(3));
        assertTrue(warnings.get(4).endsWith("stop message with 'worker' that is not a non-empty string: [1]"),
                warnings.get(4));
        Event firstWarning = history.stream().filter(e -> "warn".equals(e.text("level"))).findFirst().orElseThrow();
        assertEquals("b1", firstWarning.taskId());
        assertEquals(Priority.LOW, firstWarning.message().priority());
        assertEquals(5, fixture.diagnostics.size(), fixture.diagnostics.toString());
    }
}
