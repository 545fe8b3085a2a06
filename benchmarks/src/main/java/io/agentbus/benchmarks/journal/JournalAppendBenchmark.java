package io.agentbus.benchmarks.journal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ack-after-append}: the time to append one typical room message (its encoded
 * {@code msg} frame in a journal record) to the memory-mapped journal, the point at which the
 * server acknowledges a publish today. Each iteration starts a fresh journal and deletes it after.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class JournalAppendBenchmark {
    /** Where the journal goes; empty for java.io.tmpdir (it must not be a tmpfs for the sync figures). */
    @Param("")
    public String journalParent;

    private BenchJournal journal;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        journal = new BenchJournal(journalParent);
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        journal.close();
    }

    @Benchmark
    public long ackAfterAppend() {
        return journal.append();
    }
}
