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
 * {@code ack-after-sync}: each message is appended; every {@code appendsPerSync}-th append (and the
 * last of the iteration) is followed by a sync of the store file to disk (see the package comment
 * for how). With 1, every message waits for its own sync; with N, N messages share one (group
 * commit): the score is the cost per message, and a message's acknowledgement waits for the whole
 * batch, so its latency is about N times the score. Each iteration is one timed shot of
 * {@value #MESSAGES_PER_ITERATION} messages into a fresh journal, so what it writes is bounded.
 * It refuses to run on a tmpfs or ramfs, where a sync costs nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class JournalSyncBenchmark {
    static final int MESSAGES_PER_ITERATION = 2_000;

    /** Where the journal goes; empty for java.io.tmpdir. Must be a disk (refused on tmpfs/ramfs). */
    @Param("")
    public String journalParent;

    @Param({"1", "10", "100"})
    public int appendsPerSync;

    private BenchJournal journal;

    @Setup(Level.Trial)
    public void requireDisk() throws IOException {
        JournalDisk.requireDisk(JournalSyncBenchmark.class.getSimpleName(), journalParent);
    }

    /** A fresh journal whose first append and sync (which create and open the cycle file) are not timed. */
    @Setup(Level.Iteration)
    public void open() throws IOException {
        journal = new BenchJournal(journalParent);
        journal.append();
        journal.sync();
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        journal.close();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_ITERATION)
    public long ackAfterSync() throws IOException {
        long index = 0;
        for (int i = 1; i <= MESSAGES_PER_ITERATION; i++) {
            index = journal.append();
            if (i % appendsPerSync == 0 || i == MESSAGES_PER_ITERATION) {
                journal.sync();
            }
        }
        return index;
    }
}
