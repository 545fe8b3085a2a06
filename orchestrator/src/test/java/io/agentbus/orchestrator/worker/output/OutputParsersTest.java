package io.agentbus.orchestrator.worker.output;

import static io.agentbus.orchestrator.worker.output.AgentEvent.Kind.COMPLETED;
import static io.agentbus.orchestrator.worker.output.AgentEvent.Kind.COST;
import static io.agentbus.orchestrator.worker.output.AgentEvent.Kind.FAILED;
import static io.agentbus.orchestrator.worker.output.AgentEvent.Kind.LOG;
import static io.agentbus.orchestrator.worker.output.AgentEvent.Kind.PROGRESS;
import static io.agentbus.orchestrator.worker.output.AgentEvent.Kind.TOOL_USE;
import static io.agentbus.orchestrator.worker.output.Recorded.ofKind;
import static io.agentbus.orchestrator.worker.output.Recorded.parse;
import static io.agentbus.orchestrator.worker.output.Recorded.parseLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.worker.output.AgentEvent.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Claude, Codex and Gemini output as recorded from the real CLIs, and the worker's generic lines. */
class OutputParsersTest {

    @Test
    void shouldReadClaudeStreamJsonIntoProgressToolUseCostAndCompletion() {
        List<AgentEvent> events = parse(OutputFormat.CLAUDE_STREAM_JSON, "claude-stream.jsonl");

        assertEquals(List.of(LOG, PROGRESS, TOOL_USE, TOOL_USE, LOG, COST, COMPLETED),
                events.stream().map(AgentEvent::kind).toList());
        assertEquals("claude init (model claude-sonnet-4-5-20250929)", events.get(0).text());
        assertEquals("I'll add the greeting function.", events.get(1).text());
        assertEquals("Write", events.get(2).tool());
        assertTrue(events.get(2).command().contains("\"file_path\":\"/tmp/ws/hello.py\""), events.get(2).command());
        assertEquals("Bash", events.get(3).tool());
        assertEquals("python3 -c 'import hello; print(hello.hello())'", events.get(3).command());
        assertEquals("tool error: ModuleNotFoundError: No module named 'hello'", events.get(4).text());
        AgentEvent cost = events.get(5);
        assertEquals(12 + 1200 + 3600, cost.tokensIn());
        assertEquals(109, cost.tokensOut());
        assertEquals(0.0421, cost.usd());
        assertEquals("Added hello() in hello.py.", events.get(6).text());
    }

    @Test
    void shouldReadAClaudeErrorResultAsFailed() {
        List<AgentEvent> events = parseLines(OutputFormat.CLAUDE_STREAM_JSON, List.of(
                "{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,\"total_cost_usd\":0.5,"
                        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}"));

        assertEquals(List.of(COST, FAILED), events.stream().map(AgentEvent::kind).toList());
        assertEquals("claude ended with error_max_turns", events.get(1).text());
        assertEquals(0.5, events.get(0).usd());
    }

    @Test
    void shouldReadCodexJsonIntoToolUsesFileChangesMessagesAndTokens() {
        List<AgentEvent> events = parse(OutputFormat.CODEX_JSON, "codex.jsonl");

        assertEquals(List.of(LOG, TOOL_USE, PROGRESS, TOOL_USE, LOG, PROGRESS, COST),
                events.stream().map(AgentEvent::kind).toList());
        assertEquals("shell", events.get(1).tool());
        assertEquals("bash -lc ls", events.get(1).command());
        assertEquals(List.of("/tmp/ws/hello.py"), events.get(2).files());
        assertEquals("command exited 5: bash -lc 'python3 -m pytest'", events.get(4).text());
        assertEquals("Added hello() in hello.py.", events.get(5).text());
        assertEquals(24763, events.get(6).tokensIn());
        assertEquals(122, events.get(6).tokensOut());
        assertNull(events.get(6).usd(), "codex reports no dollars");
    }

    @Test
    void shouldReadCodexTurnFailedAndTheOlderEnvelope() {
        List<AgentEvent> events = parseLines(OutputFormat.CODEX_JSON, List.of(
                "{\"type\":\"turn.failed\",\"error\":{\"message\":\"stream disconnected\"}}",
                "{\"id\":\"0\",\"msg\":{\"type\":\"exec_command_begin\",\"command\":[\"git\",\"push\"]}}",
                "{\"id\":\"0\",\"msg\":{\"type\":\"token_count\",\"input_tokens\":7,\"output_tokens\":3}}",
                "{\"id\":\"0\",\"msg\":{\"type\":\"task_complete\",\"last_agent_message\":\"done\"}}"));

        assertEquals(List.of(FAILED, TOOL_USE, COST, COMPLETED), events.stream().map(AgentEvent::kind).toList());
        assertEquals("stream disconnected", events.get(0).text());
        assertEquals("git push", events.get(1).command());
        assertEquals(7, events.get(2).tokensIn());
        assertEquals("done", events.get(3).text());
    }

    @Test
    void shouldReadTheGeminiJsonDocumentOverManyLinesAndSumTokensOverModels() {
        List<AgentEvent> events = parse(OutputFormat.GEMINI_JSON, "gemini.json");

        assertEquals(List.of(LOG, COST, COMPLETED), events.stream().map(AgentEvent::kind).toList());
        assertEquals("Loaded cached credentials.", events.get(0).text());
        assertEquals(24939 + 1000, events.get(1).tokensIn());
        assertEquals(20 + 30, events.get(1).tokensOut());
        assertEquals("Added hello() in hello.py.", events.get(2).text());
    }

    @Test
    void shouldReadAGeminiErrorDocumentAsFailed() {
        List<AgentEvent> events = parseLines(OutputFormat.GEMINI_JSON, List.of("{",
                "  \"error\": {\"type\": \"ApiError\", \"message\": \"quota exceeded\", \"code\": 429}", "}"));

        assertEquals(List.of(FAILED), events.stream().map(AgentEvent::kind).toList());
        assertEquals("quota exceeded", events.get(0).text());
    }

    @Test
    void shouldJoinGeminiStreamChunksAndReadItsToolUseAndResult() {
        List<AgentEvent> events = parse(OutputFormat.GEMINI_JSON, "gemini-stream.jsonl");

        assertEquals(List.of(LOG, PROGRESS, TOOL_USE, LOG, COST, COMPLETED),
                events.stream().map(AgentEvent::kind).toList());
        assertEquals("I will write hello.py.", events.get(1).text());
        assertEquals("run_shell_command", events.get(2).tool());
        assertEquals("git push origin main", events.get(2).command());
        assertEquals(250, events.get(4).tokensIn());
        assertEquals(50, events.get(4).tokensOut());
    }

    @Test
    void shouldLogAGeminiDocumentThatNeverEnds() {
        List<AgentEvent> events = parseLines(OutputFormat.GEMINI_JSON, List.of("{", "  \"response\": \"cut"));

        assertEquals(List.of(LOG, LOG), events.stream().map(AgentEvent::kind).toList());
        assertEquals("{", events.get(0).text());
    }

    @Test
    void shouldReadEveryGenericEventAndLogWhatItCannotRead() {
        List<AgentEvent> events = parse(OutputFormat.GENERIC, "generic.jsonl");

        assertEquals(List.of(PROGRESS, Kind.MILESTONE, LOG, Kind.REVIEW_REQUEST, COST, Kind.BLOCKER, TOOL_USE, LOG,
                LOG, LOG, LOG, COMPLETED), events.stream().map(AgentEvent::kind).toList());
        assertEquals("reading the code", events.get(0).text());
        assertEquals(10, events.get(0).percent());
        assertEquals("parser done", events.get(1).text());
        assertEquals("this line is not JSON", events.get(2).text());
        assertEquals(List.of("src/Parser.java", "src/ParserTest.java"), events.get(3).files());
        assertEquals(1000, events.get(4).tokensIn());
        assertEquals(200, events.get(4).tokensOut());
        assertEquals(0.012, events.get(4).usd());
        assertEquals("the schema is missing", events.get(5).text());
        assertEquals("ls -la", events.get(6).command());
        assertEquals("[\"an array, not an object\"]", events.get(7).text());
        assertTrue(events.get(8).text().startsWith("unknown event 'teleport'"), events.get(8).text());
        assertTrue(events.get(9).text().startsWith("cost with tokens_in/tokens_out not whole numbers"));
        assertTrue(events.get(10).text().startsWith("progress with a percent that is not an integer"));
        assertEquals("all done", events.get(11).text());
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void shouldNeverThrowOnGarbage(OutputFormat format) {
        List<String> garbage = List.of("", "   ", "{", "}", "{\"type\":42}", "{\"type\":\"assistant\",\"message\":7}",
                "{\"type\":\"result\",\"usage\":\"x\"}", "{\"type\":\"item.completed\",\"item\":[]}",
                "{\"type\":\"tool_use\"}", "{\"event\":null}", "{\"msg\":{}}", "null", "\u0000\u0001binary",
                "{\"event\":\"review_request\",\"files\":\"not a list\"}", "{\"type\":\"message\",\"role\":\"assistant\"}");

        List<AgentEvent> events = parseLines(format, garbage);

        assertTrue(ofKind(events, LOG).size() >= 3, events.toString());
    }

    @Test
    void shouldNameTheKnownFormatsForAnUnknownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputFormat.of("yaml"));

        assertEquals("unknown output format 'yaml'; known: claude-stream-json, codex-json, gemini-json, generic",
                e.getMessage());
    }
}
