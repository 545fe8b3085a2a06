package io.agentbus.orchestrator.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.config.ConfigException;
import io.agentbus.orchestrator.worker.output.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigTest {
    @TempDir
    Path dir;

    private final TaskContext task = new TaskContext(Path.of("/ws/job-1/t1"), Path.of("/repo"), "add hello()",
            Path.of("/tmp/prompt.md"), "t1", "job-1");

    @Test
    void shouldShipTemplatesForClaudeCodexGeminiAndCustom() {
        AgentConfig config = AgentConfig.builtIn();

        AgentTemplate claude = config.template("claude");
        assertEquals(OutputFormat.CLAUDE_STREAM_JSON, claude.format());
        assertEquals(PromptMode.STDIN, claude.prompt());
        assertEquals(List.of("claude", "--print", "--output-format", "stream-json"), claude.command().subList(0, 4));
        assertEquals(OutputFormat.CODEX_JSON, config.template("codex").format());
        assertEquals(OutputFormat.GEMINI_JSON, config.template("gemini").format());
        assertEquals(List.of(), config.template("custom").command());
        assertEquals(OutputFormat.GENERIC, config.template("custom").format());
        assertEquals(List.of("git commit", "git push", "supabase db push", "rm -rf /", "rm --no-preserve-root"),
                config.forbidden().stream().map(r -> r.name()).toList());
    }

    @Test
    void shouldExpandTheCodexCommandLineWithThePromptLastAndARecoveryFlagBeforeIt() {
        AgentTemplate codex = AgentConfig.builtIn().template("codex");

        AgentInvocation plain = AgentInvocation.of(codex, task, List.of());
        AgentInvocation recovered = AgentInvocation.of(codex, task, codex.recoveries().get(0).addArgs());

        assertEquals(List.of("codex", "exec", "--json", "--full-auto", "-C", "/ws/job-1/t1", "add hello()"),
                plain.command());
        assertNull(plain.stdin());
        assertEquals(List.of("codex", "exec", "--json", "--full-auto", "-C", "/ws/job-1/t1", "--skip-git-repo-check",
                "add hello()"), recovered.command());
    }

    @Test
    void shouldPassThePromptWhereItsPlaceholderStandsOrOnStdinOrAsAFile() {
        AgentConfig config = AgentConfig.builtIn();
        AgentTemplate file = config.template("custom").withCommand(List.of("agent.sh", "--task={task_id}"))
                .with(PromptMode.FILE, null);

        AgentInvocation gemini = AgentInvocation.of(config.template("gemini"), task, List.of());
        AgentInvocation claude = AgentInvocation.of(config.template("claude"), task, List.of());

        assertEquals(List.of("--prompt", "add hello()"), gemini.command().subList(6, 8));
        assertEquals(8, gemini.command().size());
        assertEquals("add hello()", claude.stdin());
        assertTrue(claude.command().contains("/ws/job-1/t1"));
        assertEquals(List.of("agent.sh", "--task=t1", "/tmp/prompt.md"), AgentInvocation.of(file, task, List.of())
                .command());
    }

    @Test
    void shouldRefuseToRunATemplateWithoutACommand() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentInvocation.of(AgentConfig.builtIn().template("custom"), task, List.of()));

        assertTrue(e.getMessage().startsWith("agent 'custom' has no command: give one after --"), e.getMessage());
    }

    @Test
    void shouldLetAFileReplaceAndAddAgentsAndKeepTheBuiltInForbiddenList() throws Exception {
        Path file = dir.resolve("agents.json");
        Files.writeString(file, "{\"agents\":{\"codex\":{\"command\":[\"/opt/codex/bin/codex\",\"exec\",\"--json\"],"
                + "\"prompt\":\"stdin\",\"format\":\"codex-json\"},"
                + "\"aider\":{\"command\":[\"aider\",\"--message-file\",\"{prompt_file}\"],\"prompt\":\"file\","
                + "\"format\":\"generic\",\"usd_per_million_tokens\":{\"in\":1,\"out\":2}}}}");

        AgentConfig config = AgentConfig.load(file);

        assertEquals("/opt/codex/bin/codex", config.template("codex").command().get(0));
        assertEquals(PromptMode.FILE, config.template("aider").prompt());
        assertEquals(0.000005, config.template("aider").pricing().usd(1, 2), 1e-12);
        assertEquals("claude", config.template("claude").name());
        assertEquals(5, config.forbidden().size());
    }

    @Test
    void shouldLetAFileReplaceTheForbiddenList() throws Exception {
        Path file = dir.resolve("agents.json");
        Files.writeString(file, "{\"forbidden\":[{\"name\":\"npm publish\",\"pattern\":\"\\\\bnpm\\\\s+publish\\\\b\"}]}");

        AgentConfig config = AgentConfig.load(file);

        assertEquals(1, config.forbidden().size());
        assertTrue(config.forbidden().get(0).matches("cd pkg && npm publish --tag next"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{|not JSON: Unexpected end-of-input",
        "[]|the file: must be a JSON object",
        "{\"agent\":{}}|agent: unknown field (known: agents, forbidden)",
        "{\"agents\":[]}|agents: must be a JSON object",
        "{\"agents\":{\"a b\":{}}}|agents.a b: an agent's name must match",
        "{\"agents\":{\"x\":{\"prompt\":\"stdin\",\"format\":\"generic\"}}}|agents.x.command: missing",
        "{\"agents\":{\"x\":{\"command\":[1],\"prompt\":\"stdin\",\"format\":\"generic\"}}}|agents.x.command: must be an array of strings, found 1",
        "{\"agents\":{\"x\":{\"command\":[],\"prompt\":\"pipe\",\"format\":\"generic\"}}}|agents.x.prompt: must be one of argument, stdin, file, not 'pipe'",
        "{\"agents\":{\"x\":{\"command\":[],\"prompt\":\"stdin\",\"format\":\"xml\"}}}|agents.x.format: unknown output format 'xml'",
        "{\"agents\":{\"x\":{\"command\":[],\"promt\":\"stdin\",\"format\":\"generic\"}}}|agents.x.promt: unknown field",
        "{\"agents\":{\"x\":{\"command\":[],\"prompt\":\"stdin\",\"format\":\"generic\",\"recoveries\":[{\"name\":\"r\",\"pattern\":\"(\",\"add_args\":[\"-y\"]}]}}}|agents.x.recoveries[0].pattern: not a valid regular expression",
        "{\"agents\":{\"x\":{\"command\":[],\"prompt\":\"stdin\",\"format\":\"generic\",\"recoveries\":[{\"name\":\"r\",\"pattern\":\"p\",\"add_args\":[]}]}}}|agents.x.recoveries[0].add_args: must list at least one argument",
        "{\"agents\":{\"x\":{\"command\":[],\"prompt\":\"stdin\",\"format\":\"generic\",\"usd_per_million_tokens\":{\"in\":-1,\"out\":1}}}}|agents.x.usd_per_million_tokens.in: must be a number >= 0",
        "{\"forbidden\":{}}|forbidden: must be a JSON array",
        "{\"forbidden\":[{\"name\":\"\",\"pattern\":\"x\"}]}|forbidden[0].name: must be a non-empty string",
    })
    void shouldNameTheFieldOfABadConfigFile(String json, String expected) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);

        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.load(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void shouldSayWhenTheFileCannotBeReadOrTheAgentIsUnknown() {
        ConfigException missing = assertThrows(ConfigException.class, () -> AgentConfig.load(dir.resolve("none.json")));
        ConfigException unknown = assertThrows(ConfigException.class, () -> AgentConfig.builtIn().template("gpt"));

        assertTrue(missing.getMessage().contains("none.json: cannot read"), missing.getMessage());
        assertEquals("unknown agent 'gpt'; configured: claude, codex, custom, gemini", unknown.getMessage());
    }
}
