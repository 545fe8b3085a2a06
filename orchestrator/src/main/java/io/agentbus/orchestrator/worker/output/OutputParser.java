package io.agentbus.orchestrator.worker.output;

import java.util.List;

/**
 * Turns an agent's standard output, line by line, into {@link AgentEvent}s. Never throws on what
 * the agent prints: a line it cannot read becomes a {@link AgentEvent.Kind#LOG} event. One
 * parser per agent process; not thread-safe (one reader thread feeds it).
 */
public interface OutputParser {
    /** The events of one line of output (without its line break); empty for a blank line. */
    List<AgentEvent> line(String line);

    /** The events of output held back until the end (e.g. an unfinished JSON document). */
    default List<AgentEvent> end() {
        return List.of();
    }
}
