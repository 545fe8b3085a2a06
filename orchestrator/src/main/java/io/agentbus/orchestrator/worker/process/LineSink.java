package io.agentbus.orchestrator.worker.process;

/** Where the lines an agent prints go, one call per line, from the stream's reader thread. */
@FunctionalInterface
public interface LineSink {
    void line(String line);
}
