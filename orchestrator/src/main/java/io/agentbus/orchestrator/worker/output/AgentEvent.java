package io.agentbus.orchestrator.worker.output;

import java.util.List;
import java.util.Objects;

/**
 * One thing an agent said it did, read from a line of its output. Which fields are set depends
 * on the {@link Kind}; the others are {@code null} (or {@code -1} for token counts).
 *
 * @param text      what the agent said (progress, milestone, blocker, log, completed, failed), or {@code null}
 * @param tool      the tool's name of a {@link Kind#TOOL_USE}
 * @param command   the command or arguments of a {@link Kind#TOOL_USE}
 * @param tokensIn  input tokens of a {@link Kind#COST}, {@code -1} when not reported
 * @param tokensOut output tokens of a {@link Kind#COST}, {@code -1} when not reported
 * @param usd       the cost in US dollars that the agent reported, {@code null} when it did not
 * @param files     files named by a review request or a file change, never {@code null}
 * @param percent   how far along a {@link Kind#PROGRESS} is (0 to 100), or {@code null}
 */
public record AgentEvent(Kind kind, String text, String tool, String command, long tokensIn, long tokensOut,
                         Double usd, List<String> files, Integer percent) {

    /** What an event is; each maps to the worker event of the same name on the bus. */
    public enum Kind { PROGRESS, MILESTONE, BLOCKER, REVIEW_REQUEST, COST, TOOL_USE, COMPLETED, FAILED, LOG }

    public AgentEvent {
        Objects.requireNonNull(kind, "kind");
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static AgentEvent of(Kind kind, String text) {
        return new AgentEvent(kind, text, null, null, -1, -1, null, List.of(), null);
    }

    public static AgentEvent progress(String text, Integer percent) {
        return new AgentEvent(Kind.PROGRESS, text, null, null, -1, -1, null, List.of(), percent);
    }

    public static AgentEvent reviewRequest(String text, List<String> files) {
        return new AgentEvent(Kind.REVIEW_REQUEST, text, null, null, -1, -1, null, files, null);
    }

    public static AgentEvent filesChanged(String text, List<String> files) {
        return new AgentEvent(Kind.PROGRESS, text, null, null, -1, -1, null, files, null);
    }

    public static AgentEvent cost(long tokensIn, long tokensOut, Double usd) {
        return new AgentEvent(Kind.COST, null, null, null, tokensIn, tokensOut, usd, List.of(), null);
    }

    public static AgentEvent toolUse(String tool, String command) {
        return new AgentEvent(Kind.TOOL_USE, null, tool, command, -1, -1, null, List.of(), null);
    }

    public static AgentEvent log(String text) {
        return of(Kind.LOG, text);
    }
}
