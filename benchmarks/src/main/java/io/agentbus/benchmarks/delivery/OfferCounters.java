package io.agentbus.benchmarks.delivery;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The producer's offers, reported per second next to the benchmark's own figure. */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class OfferCounters {
    /** Frames queued. */
    public long offered;
    /** Offers refused because the queue (or the priority's lane) was full. */
    public long offersFailed;

    @Setup(Level.Iteration)
    public void reset() {
        offered = 0;
        offersFailed = 0;
    }
}
