package io.agentbus.orchestrator.worker.output;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The output formats the worker reads, by the name agent templates give them. */
public enum OutputFormat {
    /** {@code claude --print --output-format stream-json --verbose}: one JSON event per line. */
    CLAUDE_STREAM_JSON("claude-stream-json", ClaudeStreamJsonParser::new),
    /** {@code codex exec --json}: one JSON event per line ({@code thread.started}, {@code item.completed}, …). */
    CODEX_JSON("codex-json", CodexJsonParser::new),
    /** {@code gemini --output-format json} (one document, often over many lines) or {@code stream-json}. */
    GEMINI_JSON("gemini-json", GeminiJsonParser::new),
    /** agentbus's own JSON lines, {@code {"event":"progress","message":…}} (README, "Worker events"). */
    GENERIC("generic", GenericJsonLinesParser::new);

    private final String configName;
    private final Supplier<OutputParser> parsers;

    OutputFormat(String configName, Supplier<OutputParser> parsers) {
        this.configName = configName;
        this.parsers = parsers;
    }

    public String configName() {
        return configName;
    }

    public OutputParser newParser() {
        return parsers.get();
    }

    /**
     * The format named {@code name} in a template.
     *
     * @throws IllegalArgumentException naming the formats there are
     */
    public static OutputFormat of(String name) {
        for (OutputFormat f : values()) {
            if (f.configName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown output format '" + name + "'; known: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(OutputFormat::configName).collect(Collectors.joining(", "));
    }
}
