package io.agentbus.orchestrator.worker.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * agentbus's own agent output format, for any command: one JSON object per line with an
 * {@code event} field — {@code progress} ({@code message}, optional {@code percent} 0–100),
 * {@code milestone}, {@code blocker}, {@code log} ({@code message}), {@code review_request}
 * ({@code message}, optional {@code files}), {@code cost} ({@code tokens_in}, {@code tokens_out},
 * {@code usd}, each optional), {@code tool_use} ({@code tool}, {@code command}), {@code completed}
 * and {@code failed} ({@code message}). Any other line — plain text, another JSON value, an
 * unknown event, a field of the wrong type — is logged as it is.
 */
final class GenericJsonLinesParser implements OutputParser {
    @Override
    public List<AgentEvent> line(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        ObjectNode event = JsonFields.object(line);
        String name = JsonFields.text(event, "event");
        if (name == null) {
            return List.of(AgentEvent.log(line));
        }
        String message = JsonFields.text(event, "message");
        return switch (name) {
            case "progress" -> List.of(progress(event, message, line));
            case "milestone" -> List.of(AgentEvent.of(AgentEvent.Kind.MILESTONE, message));
            case "blocker" -> List.of(AgentEvent.of(AgentEvent.Kind.BLOCKER, message));
            case "log" -> List.of(AgentEvent.log(message != null ? message : line));
            case "review_request" -> List.of(AgentEvent.reviewRequest(message, JsonFields.strings(event, "files")));
            case "cost" -> List.of(cost(event, line));
            case "tool_use" -> List.of(toolUse(event, line));
            case "completed" -> List.of(AgentEvent.of(AgentEvent.Kind.COMPLETED, message));
            case "failed" -> List.of(AgentEvent.of(AgentEvent.Kind.FAILED, message));
            default -> List.of(AgentEvent.log("unknown event '" + name + "': " + line));
        };
    }

    private static AgentEvent progress(ObjectNode event, String message, String line) {
        if (!event.has("percent")) {
            return AgentEvent.progress(message, null);
        }
        long percent = JsonFields.count(event, "percent");
        if (percent < 0 || percent > 100) {
            return AgentEvent.log("progress with a percent that is not an integer in 0..100: " + line);
        }
        return AgentEvent.progress(message, (int) percent);
    }

    private static AgentEvent cost(ObjectNode event, String line) {
        long in = JsonFields.count(event, "tokens_in");
        long out = JsonFields.count(event, "tokens_out");
        Double usd = JsonFields.amount(event, "usd");
        boolean wrong = (event.has("tokens_in") && in < 0) || (event.has("tokens_out") && out < 0)
                || (event.has("usd") && usd == null);
        if (wrong) {
            return AgentEvent.log("cost with tokens_in/tokens_out not whole numbers >= 0 or usd not a number >= 0: "
                    + line);
        }
        return AgentEvent.cost(in, out, usd);
    }

    private static AgentEvent toolUse(ObjectNode event, String line) {
        String command = JsonFields.text(event, "command");
        if (command == null) {
            return AgentEvent.log("tool_use without a string 'command': " + line);
        }
        String tool = JsonFields.text(event, "tool");
        return AgentEvent.toolUse(tool == null ? "shell" : tool, command);
    }
}
