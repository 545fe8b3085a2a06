package io.agentbus.benchmarks.sequencer;

import io.agentbus.server.config.Durability;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages per second through the sequencer into a room of {@code members}: each invocation
 * publishes a batch of {@value #BATCH} and returns when all of them have been acknowledged to the
 * publisher and written by every member's event loop. The score is messages published per second;
 * the auxiliary {@code deliveries} counter, frames received by the members per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SequencerFanoutBenchmark {
    static final int BATCH = 256;

    @Param("500")
    public int members;

    /** Event loops draining the members' queues. */
    @Param("2")
    public int ioThreads;

    /** {@code ack-after-append} or {@code ack-after-sync} (one sync per batch of requests). */
    @Param("ack-after-append")
    public String durability;

    private InProcessRoom room;

    @Setup(Level.Trial)
    public void open() throws IOException, InterruptedException {
        room = new InProcessRoom(members, ioThreads, durability(durability));
    }

    private static Durability durability(String name) {
        for (Durability d : Durability.values()) {
            if (d.configName().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("durability must be ack-after-append or ack-after-sync, not " + name);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        room.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishToRoom(Deliveries counted) {
        counted.deliveries += room.publishAndAwait(BATCH);
    }

    /** Frames the members received, per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Deliveries {
        public long deliveries;

        @Setup(Level.Iteration)
        public void reset() {
            deliveries = 0;
        }
    }
}
