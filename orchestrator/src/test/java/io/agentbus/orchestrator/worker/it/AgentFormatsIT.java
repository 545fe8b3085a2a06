package io.agentbus.orchestrator.worker.it;

import static io.agentbus.orchestrator.worker.it.WorkerFixture.first;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.is;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.ofTask;
import static io.agentbus.orchestrator.worker.it.WorkerFixture.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.worker.it.LiveDaemon.Event;
import io.agentbus.protocol.Priority;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each agent's output format, from a real child process through the worker into the room. */
class AgentFormatsIT extends LiveWorkerTest {
    @Test
    void shouldTurnClaudeStreamJsonIntoEventsAndCompleteWithTheFilesChanged() throws Exception {
        fixture.worker("claude-room", "claude-1", "claude", "fake-claude.sh").start();
        daemon.task("claude-room", "t1", "coder", "write hello");

        List<Event> events = ofTask(fixture.awaitEvent("claude-room", is("completed", "t1")), "t1");

        assertEquals(List.of("started", "log", "progress", "progress", "progress", "log", "cost", "completed"),
                types(events));
        Event started = first(events, "started");
        assertEquals("claude-1", started.text("worker"));
        assertEquals("coder", started.text("role"));
        assertEquals("job-1", started.text("job"));
        assertEquals(1, started.body().path("attempt").asInt());
        assertEquals("title of t1", started.text("title"));
        assertEquals("I'll add the greeting function.", events.get(2).text("message"));
        assertEquals("Write", events.get(3).text("tool"));
        assertEquals("python3 -c 'import hello; print(hello.hello())'", events.get(4).text("command"));
        Event cost = first(events, "cost");
        assertEquals(0.0421, cost.body().path("usd").asDouble());
        assertFalse(cost.body().path("usd_estimated").asBoolean());
        assertEquals(12 + 1200 + 3600, cost.body().path("tokens_in").asLong());
        assertEquals(109, cost.body().path("tokens_out").asLong());
        Event completed = first(events, "completed");
        assertEquals(List.of("hello.py"), strings(completed, "files_changed"));
        assertEquals("Added hello() in hello.py.", completed.text("summary"));
        assertEquals(0.0421, completed.body().path("usd").asDouble());
        assertEquals(Priority.HIGH, completed.message().priority());
        assertEquals(Priority.NORMAL, events.get(2).message().priority());
        assertEquals(Priority.LOW, events.get(1).message().priority());
        assertEquals("completed", completed.message().type(), "the message type is the event's");
        assertEquals("write hello", Files.readString(workspaces.resolve("claude-1/job-1/t1/hello.py")).strip(),
                "the prompt reached the agent on stdin");
    }

    @Test
    void shouldRecoverFromCodexsGitRepositoryCheckOnceWithItsFlag() throws Exception {
        fixture.worker("codex-room", "codex-1", "codex", "fake-codex.sh").start();
        daemon.task("codex-room", "t1", "coder", "write hello");

        List<Event> events = ofTask(fixture.awaitEvent("codex-room", is("completed", "t1")), "t1");

        List<Event> stdout = WorkerFixture.withoutStderr(events);
        assertEquals(List.of("started", "recovery", "started", "log", "progress", "progress", "progress", "log",
                "progress", "cost", "completed"), types(stdout));
        assertEquals(List.of("Not inside a trusted directory and --skip-git-repo-check was not specified.",
                "Reading prompt from arguments"), WorkerFixture.stderr(events));
        Event recovery = stdout.get(1);
        assertEquals("restart_with_args", recovery.text("action"));
        assertEquals(List.of("--skip-git-repo-check"), strings(recovery, "added_args"));
        assertEquals(2, stdout.get(2).body().path("attempt").asInt());
        assertEquals("bash -lc ls", stdout.get(4).text("command"));
        assertEquals(List.of("/tmp/ws/hello.py"), strings(stdout.get(5), "files"));
        assertTrue(events.indexOf(first(events, "recovery")) > events.indexOf(stderrLine(events, "Not inside")),
                "recovered after the error");
        Event cost = first(events, "cost");
        assertTrue(cost.body().path("usd_estimated").asBoolean(), "codex reports tokens, the template prices them");
        assertEquals((24763 * 1.25 + 122 * 10.0) / 1_000_000, cost.body().path("usd").asDouble(), 1e-12);
        assertEquals(List.of("hello.py"), strings(first(events, "completed"), "files_changed"));
    }

    @Test
    void shouldReadGeminisJsonDocument() throws Exception {
        fixture.worker("gemini-room", "gemini-1", "gemini", "fake-gemini.sh").start();
        daemon.task("gemini-room", "t1", "coder", "write notes");

        List<Event> events = ofTask(fixture.awaitEvent("gemini-room", is("completed", "t1")), "t1");

        assertEquals(List.of("started", "log", "cost", "completed"), types(events));
        Event cost = first(events, "cost");
        assertEquals(25939, cost.body().path("tokens_in").asLong());
        assertEquals(50, cost.body().path("tokens_out").asLong());
        Event completed = first(events, "completed");
        assertEquals("Added hello() in hello.py.", completed.text("summary"));
        assertEquals(List.of("notes.md"), strings(completed, "files_changed"));
    }

    @Test
    void shouldPublishEveryGenericEventWithItsFields() throws Exception {
        fixture.worker("generic-room", "generic-1", "custom", "generic-agent.sh", "events").start();
        daemon.task("generic-room", "t1", "coder", "do it");

        List<Event> events = ofTask(fixture.awaitEvent("generic-room", is("completed", "t1")), "t1");

        assertEquals(List.of("started", "progress", "milestone", "log", "review_request", "cost", "blocker", "progress",
                "log", "log", "log", "log", "completed"), types(events));
        assertEquals(10, events.get(1).body().path("percent").asInt());
        assertEquals("parser done", events.get(2).text("message"));
        assertEquals("this line is not JSON", events.get(3).text("message"));
        assertEquals(List.of("src/Parser.java", "src/ParserTest.java"), strings(events.get(4), "files"));
        assertEquals(0.012, events.get(5).body().path("usd").asDouble());
        Event blocker = events.get(6);
        assertEquals("agent", blocker.text("reason"));
        assertEquals(Priority.HIGH, blocker.message().priority());
        assertEquals("ls -la", events.get(7).text("command"));
        Event completed = first(events, "completed");
        assertEquals("all done", completed.text("summary"));
        assertEquals(List.of("out.txt"), strings(completed, "files_changed"));
    }

    private static Event stderrLine(List<Event> events, String start) {
        return events.stream().filter(e -> "stderr".equals(e.text("stream")) && e.text("message").startsWith(start))
                .findFirst().orElseThrow();
    }

    static List<String> strings(Event event, String field) {
        return java.util.stream.StreamSupport.stream(event.body().path(field).spliterator(), false)
                .map(n -> n.asText()).toList();
    }
}
