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
 * {@code ack-after-sync}: each operation appends one typical room message; every
 * {@code appendsPerSync}-th also forces the store file to disk first (see the package comment for
 * how). With 1, every message waits for its own sync; with N, N messages share one (group
 * commit): the score is the cost per message, and a message's acknowledgement waits for the whole
 * batch, so its latency is about N times the score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalSyncBenchmark {
    /** Where the journal goes; empty for java.io.tmpdir (a tmpfs makes the sync free: use a real disk). */
    @Param("")
    public String journalParent;

    @Param({"1", "10", "100"})
    public int appendsPerSync;

    private BenchJournal journal;
    private int sinceSync;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        journal = new BenchJournal(journalParent);
        sinceSync = 0;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        journal.close();
    }

    @Benchmark
    public long ackAfterSync() throws IOException {
        long index = journal.append();
        if (++sinceSync == appendsPerSync) {
            sinceSync = 0;
            journal.sync();
        }
        return index;
    }
}
