package io.agentbus.orchestrator.worker.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code codex exec --json}: {@code thread.started}, {@code turn.started}, {@code item.started} /
 * {@code item.completed} (items {@code agent_message}, {@code reasoning}, {@code command_execution},
 * {@code file_change}, {@code error}, …), {@code turn.completed} with {@code usage},
 * {@code turn.failed} and {@code error}. Also the older envelope {@code {"msg":{"type":…}}}
 * ({@code agent_message}, {@code exec_command_begin}, {@code token_count}, {@code task_complete}).
 * Codex reports tokens, not dollars.
 */
final class CodexJsonParser implements OutputParser {
    @Override
    public List<AgentEvent> line(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        ObjectNode event = JsonFields.object(line);
        if (event == null) {
            return List.of(AgentEvent.log(line));
        }
        if (event.get("msg") instanceof ObjectNode legacy) {
            return legacy(legacy, line);
        }
        String type = JsonFields.text(event, "type");
        if (type == null) {
            return List.of(AgentEvent.log(line));
        }
        return switch (type) {
            case "thread.started" -> List.of(AgentEvent.log("codex thread " + JsonFields.text(event, "thread_id")));
            case "turn.started", "item.updated" -> List.of();
            case "item.started" -> started(event.path("item"));
            case "item.completed" -> completed(event.path("item"));
            case "turn.completed" -> List.of(usage(event.get("usage")));
            case "turn.failed" -> List.of(AgentEvent.of(AgentEvent.Kind.FAILED,
                    errorMessage(event.get("error"), "codex turn failed")));
            case "error" -> List.of(AgentEvent.log("codex error: " + JsonFields.text(event, "message")));
            default -> List.of(AgentEvent.log(line));
        };
    }

    private static List<AgentEvent> started(JsonNode item) {
        String itemType = JsonFields.text(item, "type");
        if ("command_execution".equals(itemType)) {
            return List.of(AgentEvent.toolUse("shell", JsonFields.command(item)));
        }
        if ("mcp_tool_call".equals(itemType)) {
            String tool = JsonFields.text(item, "server") + "." + JsonFields.text(item, "tool");
            return List.of(AgentEvent.toolUse(tool, JsonFields.command(item.get("arguments"))));
        }
        return List.of();
    }

    private static List<AgentEvent> completed(JsonNode item) {
        String itemType = String.valueOf(JsonFields.text(item, "type"));
        return switch (itemType) {
            case "agent_message" -> said(JsonFields.text(item, "text"));
            case "file_change" -> List.of(fileChange(item));
            case "command_execution" -> commandDone(item);
            case "error" -> List.of(AgentEvent.log("codex error: " + JsonFields.text(item, "message")));
            default -> List.of();
        };
    }

    private static List<AgentEvent> said(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(AgentEvent.progress(text, null));
    }

    private static AgentEvent fileChange(JsonNode item) {
        List<String> files = new ArrayList<>();
        for (JsonNode change : item.path("changes")) {
            String path = JsonFields.text(change, "path");
            if (path != null) {
                files.add(path);
            }
        }
        return AgentEvent.filesChanged("changed " + String.join(", ", files), files);
    }

    private static List<AgentEvent> commandDone(JsonNode item) {
        long exit = JsonFields.count(item, "exit_code");
        if (exit == 0) {
            return List.of();
        }
        return List.of(AgentEvent.log("command exited " + (exit < 0 ? "abnormally" : exit) + ": "
                + JsonFields.command(item)));
    }

    private static AgentEvent usage(JsonNode usage) {
        return AgentEvent.cost(JsonFields.count(usage, "input_tokens"), JsonFields.count(usage, "output_tokens"),
                null);
    }

    private static String errorMessage(JsonNode error, String fallback) {
        String message = JsonFields.text(error, "message");
        return message != null ? message : fallback;
    }

    private static List<AgentEvent> legacy(ObjectNode msg, String line) {
        String type = String.valueOf(JsonFields.text(msg, "type"));
        return switch (type) {
            case "agent_message" -> said(JsonFields.text(msg, "message"));
            case "exec_command_begin" -> List.of(AgentEvent.toolUse("shell", JsonFields.command(msg)));
            case "token_count" -> List.of(usage(msg));
            case "task_complete" -> List.of(AgentEvent.of(AgentEvent.Kind.COMPLETED,
                    JsonFields.text(msg, "last_agent_message")));
            case "error" -> List.of(AgentEvent.of(AgentEvent.Kind.FAILED, errorMessage(msg, "codex error")));
            default -> List.of(AgentEvent.log(line));
        };
    }
}
