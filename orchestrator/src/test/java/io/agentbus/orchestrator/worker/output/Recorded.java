package io.agentbus.orchestrator.worker.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Feeds a recorded output file (under {@code agents/recorded/}) to a parser, line by line, then ends it. */
final class Recorded {
    private Recorded() {
    }

    static List<AgentEvent> parse(OutputFormat format, String file) {
        return parseLines(format, lines(file));
    }

    static List<AgentEvent> parseLines(OutputFormat format, List<String> lines) {
        OutputParser parser = format.newParser();
        List<AgentEvent> events = new ArrayList<>();
        lines.forEach(l -> events.addAll(parser.line(l)));
        events.addAll(parser.end());
        return events;
    }

    static List<String> lines(String file) {
        try (InputStream in = Recorded.class.getResourceAsStream("/agents/recorded/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no test resource agents/recorded/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<AgentEvent> ofKind(List<AgentEvent> events, AgentEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }
}
