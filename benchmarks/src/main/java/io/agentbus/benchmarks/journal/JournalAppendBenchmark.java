package io.agentbus.benchmarks.journal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * {@code ack-after-append}: the time to append one typical room message (its encoded
 * {@code msg} frame in a journal record) to the memory-mapped journal, the point at which the
 * server acknowledges a publish today. Each iteration is one timed shot of
 * {@value #APPENDS_PER_ITERATION} appends into a fresh journal (deleted after), so what an
 * iteration writes is bounded (about 30 MB) however fast the appends are; a time-bounded iteration
 * would write gigabytes at this speed. The score is the time per append.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(2)
public class JournalAppendBenchmark {
    static final int APPENDS_PER_ITERATION = 100_000;

    /** Where the journal goes; empty for java.io.tmpdir (warned about if it is a tmpfs). */
    @Param("")
    public String journalParent;

    private BenchJournal journal;

    @Setup(Level.Trial)
    public void checkDisk() throws IOException {
        JournalDisk.warnIfInMemory(JournalAppendBenchmark.class.getSimpleName(), journalParent);
    }

    /** A fresh journal whose first append (which creates the cycle file) is not timed. */
    @Setup(Level.Iteration)
    public void open() throws IOException {
        journal = new BenchJournal(journalParent);
        journal.append();
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        journal.close();
    }

    @Benchmark
    @OperationsPerInvocation(APPENDS_PER_ITERATION)
    public long ackAfterAppend() {
        long index = 0;
        for (int i = 0; i < APPENDS_PER_ITERATION; i++) {
            index = journal.append();
        }
        return index;
    }
}
