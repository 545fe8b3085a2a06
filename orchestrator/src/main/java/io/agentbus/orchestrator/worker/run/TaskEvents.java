package io.agentbus.orchestrator.worker.run;

import static io.agentbus.orchestrator.worker.bus.EventPublisher.clip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.orchestrator.worker.bus.Assignment;
import io.agentbus.orchestrator.worker.bus.EventPublisher;
import io.agentbus.orchestrator.worker.bus.EventType;
import io.agentbus.orchestrator.worker.output.AgentEvent;
import io.agentbus.orchestrator.worker.rules.CostLedger;
import java.util.List;

/** The events of one task, each body carrying {@code task_id}, {@code job} and the attempt number. */
public final class TaskEvents {
    /** Most files listed in {@code completed}; the number of the others is {@code files_changed_more}. */
    static final int MAX_FILES = 1000;

    private final EventPublisher publisher;
    private final Assignment task;
    private volatile int attempt = 1;

    public TaskEvents(EventPublisher publisher, Assignment task) {
        this.publisher = publisher;
        this.task = task;
    }

    void attempt(int attempt) {
        this.attempt = attempt;
    }

    private ObjectNode body(EventType type) {
        ObjectNode body = publisher.body(type);
        body.put("task_id", task.taskId());
        body.put("job", task.job());
        body.put("attempt", attempt);
        return body;
    }

    void started(long pid, String program, String workspace) {
        ObjectNode body = body(EventType.STARTED);
        body.put("pid", pid);
        body.put("command", program);
        body.put("workspace", workspace);
        if (task.title() != null) {
            body.put("title", clip(task.title()));
        }
        publisher.publish(EventType.STARTED, body);
    }

    /** An event of the agent's own: progress, milestone, blocker, review request, tool use (as progress), log. */
    void agent(AgentEvent event) {
        EventType type = switch (event.kind()) {
            case MILESTONE -> EventType.MILESTONE;
            case BLOCKER -> EventType.BLOCKER;
            case REVIEW_REQUEST -> EventType.REVIEW_REQUEST;
            case LOG -> EventType.LOG;
            default -> EventType.PROGRESS;
        };
        ObjectNode body = body(type);
        body.put("message", clip(event.text() != null ? event.text() : describe(event)));
        if (event.kind() == AgentEvent.Kind.TOOL_USE) {
            body.put("tool", event.tool());
            body.put("command", clip(event.command()));
        }
        if (event.percent() != null) {
            body.put("percent", event.percent());
        }
        if (!event.files().isEmpty() || type == EventType.REVIEW_REQUEST) {
            files(body, "files", event.files());
        }
        if (type == EventType.BLOCKER) {
            body.put("reason", "agent");
        }
        if (type == EventType.LOG) {
            body.put("level", "info");
            body.put("stream", "stdout");
        }
        publisher.publish(type, body);
    }

    private static String describe(AgentEvent event) {
        return event.kind() == AgentEvent.Kind.TOOL_USE ? event.tool() + ": " + event.command()
                : event.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    void cost(CostLedger.Charge charge, double taskUsd) {
        ObjectNode body = body(EventType.COST);
        body.put("tokens_in", Math.max(0, charge.tokensIn()));
        body.put("tokens_out", Math.max(0, charge.tokensOut()));
        body.put("usd", charge.usd());
        body.put("usd_estimated", charge.estimated());
        body.put("task_usd", taskUsd);
        body.put("worker_usd", charge.workerUsd());
        publisher.publish(EventType.COST, body);
    }

    void blocker(String reason, String message, String rule, String command) {
        ObjectNode body = body(EventType.BLOCKER);
        body.put("reason", reason);
        body.put("message", clip(message));
        if (rule != null) {
            body.put("rule", rule);
        }
        if (command != null) {
            body.put("command", clip(command));
        }
        publisher.publish(EventType.BLOCKER, body);
    }

    void recovery(String action, String message, List<String> addedArgs, long backoffMs) {
        ObjectNode body = body(EventType.RECOVERY);
        body.put("action", action);
        body.put("message", clip(message));
        if (addedArgs != null) {
            files(body, "added_args", addedArgs);
        }
        if (backoffMs >= 0) {
            body.put("backoff_ms", backoffMs);
        }
        publisher.publish(EventType.RECOVERY, body);
    }

    /** A {@code progress} saying the task is now {@code paused} or {@code running} again. */
    void state(String state) {
        ObjectNode body = body(EventType.PROGRESS);
        body.put("state", state);
        body.put("message", "task " + state);
        publisher.publish(EventType.PROGRESS, body);
    }

    void stderr(String line) {
        ObjectNode body = body(EventType.LOG);
        body.put("level", "info");
        body.put("stream", "stderr");
        body.put("message", clip(line));
        publisher.publish(EventType.LOG, body);
    }

    void completed(List<String> files, String summary, long durationMs, double taskUsd) {
        ObjectNode body = body(EventType.COMPLETED);
        files(body, "files_changed", files.size() > MAX_FILES ? files.subList(0, MAX_FILES) : files);
        if (files.size() > MAX_FILES) {
            body.put("files_changed_more", files.size() - MAX_FILES);
        }
        if (summary != null) {
            body.put("summary", clip(summary));
        }
        body.put("duration_ms", durationMs);
        body.put("usd", taskUsd);
        publisher.publish(EventType.COMPLETED, body);
    }

    void failed(String reason, int exitCode, List<String> stderrTail, String message, long durationMs) {
        ObjectNode body = body(EventType.FAILED);
        body.put("reason", reason);
        body.put("exit_code", exitCode);
        body.put("stderr_tail", clip(String.join("\n", stderrTail)));
        body.put("message", clip(message));
        body.put("duration_ms", durationMs);
        publisher.publish(EventType.FAILED, body);
    }

    private static void files(ObjectNode body, String field, List<String> values) {
        ArrayNode array = body.putArray(field);
        values.forEach(array::add);
    }
}
