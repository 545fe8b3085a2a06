package io.agentbus.benchmarks.delivery;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The consumer's polls, reported per second next to the benchmark's own figure. */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class PollCounters {
    /** Frames taken out: the delivery throughput. */
    public long polled;
    /** Polls that found the queue empty. */
    public long pollsEmpty;

    @Setup(Level.Iteration)
    public void reset() {
        polled = 0;
        pollsEmpty = 0;
    }
}
