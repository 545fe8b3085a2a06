package io.agentbus.server.journal;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.config.Durability;
import io.agentbus.server.config.JournalRollCycle;
import io.agentbus.server.metrics.LatencyRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableSet;
import java.util.TreeSet;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chronicle Queue journal. One writer (the sequencer thread) appends; the same thread reads
 * single entries by index for history and replay-on-join. Chronicle binds appenders and tailers
 * to the thread that made them, so both are created on first use by that thread.
 * {@link #replay(RecordHandler)} reads everything from the start with a tailer of its own.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final long HOUSEKEEPING_EVERY_NS = 1_000_000_000L;

    private final SingleChronicleQueue queue;
    private final Path dir;
    private final JournalHealth health = new JournalHealth();
    private final DiskGuard guard;
    private final Retention retention;
    private final NavigableSet<Integer> snapshotCycles = new TreeSet<>();
    /** {@code null} with {@code ack-after-append}. */
    private final FileSync fileSync;
    private ExcerptAppender appender;
    private ExcerptTailer reader;
    /** Why appends are refused until a restart, or {@code null}. */
    private String broken;
    private CycleListener cycles;
    private LatencyRecorder appendLatency = new LatencyRecorder();
    private boolean writingSnapshot;
    private int snapshotStartCycle;
    private long nextHousekeepingNs;

    /**
     * Opens (or creates) the journal in {@code dir}, with {@code ack-after-append} durability and
     * no floor of free disk space.
     */
    public Journal(Path dir, JournalRollCycle rollCycle) {
        this(dir, rollCycle, Durability.ACK_AFTER_APPEND, 0, RetentionPolicy.KEEP_ALL);
    }

    /**
     * Opens (or creates) the journal in {@code dir}. With {@code ack-after-sync}, {@link #sync()}
     * forces every file appended to since the last sync to disk ({@link FileSync}). Appends are
     * refused while the disk has less than {@code minFreeBytes} usable. Files beyond the retention
     * policy are deleted as appends go on (see {@link #onCycles}).
     */
    public Journal(Path dir, JournalRollCycle rollCycle, Durability durability, long minFreeBytes,
                   RetentionPolicy retention) {
        this.dir = dir;
        this.queue = ChronicleQueue.singleBuilder(dir)
                .rollCycle(rollCycle.chronicleCycle())
                .build();
        // the queue's own roll cycle: an existing journal keeps the one it was created with
        CycleFiles files = new CycleFiles(dir, queue.rollCycle());
        this.retention = new Retention(files, retention);
        try {
            this.guard = new DiskGuard(dir, minFreeBytes, health);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        this.fileSync = durability == Durability.ACK_AFTER_SYNC ? new FileSync(files) : null;
    }

    /**
     * Tells {@code listener} before the first append into each new journal file, so that every
     * file starts with a snapshot of the state (appended through {@link #append}) and retention
     * can delete the files before it; and after retention deleted files. Sequencer thread only.
     */
    public void onCycles(CycleListener listener) {
        this.cycles = listener;
    }

    /**
     * While a snapshot is written: the cycle its first record went to (or will go to). A snapshot
     * whose {@link JournalRecord.SnapshotComplete} lands in another cycle credits neither.
     */
    public int snapshotStartCycle() {
        return snapshotStartCycle;
    }

    /** Where the time each append takes is recorded; set before the sequencer starts. */
    public void recordAppendLatency(LatencyRecorder recorder) {
        this.appendLatency = recorder;
    }

    /** Whether appends succeed, and the disk's free space, for {@code /health}. */
    public JournalHealth health() {
        return health;
    }

    /**
     * Appends a record and returns its journal index. Sequencer thread only.
     *
     * @throws JournalUnavailableException when the disk is nearly full or the write fails; nothing
     *                                     was appended then
     */
    public long append(JournalRecord record) {
        long startNs = System.nanoTime();
        if (broken != null) {
            throw new JournalUnavailableException(ErrorCode.INTERNAL, broken, null);
        }
        String refusal = guard.refusal();
        if (refusal != null) {
            health.failing(refusal);
            housekeepIfDue(); // deleting old files may be what frees the disk
            throw new JournalUnavailableException(ErrorCode.OVERLOADED, refusal, null);
        }
        try {
            int cycle = queue.cycle(); // Chronicle reads the wall clock for it: once per append
            snapshotIfNewCycle(cycle);
            guard.appended(write(record, cycle));
        } catch (JournalUnavailableException e) {
            throw e;
        } catch (Exception | InternalError e) { // Chronicle rethrows I/O errors unchecked; a SIGBUS on the map is an InternalError
            throw failed(e);
        }
        health.succeeding();
        if (fileSync != null) {
            fileSync.written(appender.cycle());
        }
        long index = appender.lastIndexAppended();
        if (record instanceof JournalRecord.SnapshotComplete c && c.startCycle() == appender.cycle()) {
            snapshotCycles.add(appender.cycle());
        }
        housekeepIfDue();
        appendLatency.recordSince(startNs);
        return index;
    }

    private void snapshotIfNewCycle(int cycle) {
        if (cycles == null || writingSnapshot) {
            return;
        }
        if (appender == null) {
            appender = queue.createAppender();
        }
        if (appender.cycle() != cycle) {
            snapshotStartCycle = cycle;
            writingSnapshot = true;
            try {
                cycles.cycleStarting();
            } finally {
                writingSnapshot = false;
            }
        }
    }

    private void housekeepIfDue() {
        if (!retention.enabled() || writingSnapshot) {
            return;
        }
        long now = System.nanoTime();
        if (now - nextHousekeepingNs < 0) {
            return;
        }
        nextHousekeepingNs = now + HOUSEKEEPING_EVERY_NS;
        try {
            if (retention.housekeep(snapshotCycles) > 0) {
                queue.refreshDirectoryListing();
                if (cycles != null) {
                    cycles.cyclesDeleted(queue.firstIndex());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("retention: housekeeping failed: {}", e.toString());
        }
    }

    /**
     * After a failed write the appender's state cannot be trusted (a failed roll to a new file
     * leaves it writing nowhere), so the next append starts with a new one. Chronicle releases its
     * write lock when a write fails with an unchecked exception, but not when an I/O error comes
     * through as the checked exception it is: every later append would wait for that lock, so the
     * journal refuses appends until a restart (which takes over a dead process's lock).
     */
    private JournalUnavailableException failed(Throwable e) {
        String why = "the journal could not be written: " + (e instanceof UncheckedIOException u ? u.getCause() : e);
        if (!(e instanceof RuntimeException)) {
            broken = why + "; appends are refused until the daemon is restarted";
            why = broken;
        }
        health.failing(why);
        if (appender != null) {
            appender.close();
            appender = null;
        }
        return new JournalUnavailableException(ErrorCode.INTERNAL, why, e);
    }

    private long write(JournalRecord record, int cycle) {
        if (appender == null) {
            appender = queue.createAppender();
        }
        if (appender.cycle() != cycle && !Files.isWritable(dir)) {
            throw new UncheckedIOException(new IOException("the journal directory " + dir
                    + " is not writable, so the next journal file cannot be created"));
        }
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> bytes = dc.wire().bytes();
            long start = bytes.writePosition();
            RecordFormat.write(bytes, record);
            return bytes.writePosition() - start;
        }
    }

    /** Whether {@code ack-after-sync} entries were appended since the last {@link #sync()}. Sequencer thread only. */
    public boolean unsynced() {
        return fileSync != null && fileSync.pending();
    }

    /**
     * Forces every entry appended so far onto the disk (a no-op without {@code ack-after-sync}).
     * A failed sync leaves the journal refusing appends until a restart: after a failed
     * {@code fsync} the kernel may have marked the pages clean, so a later success proves nothing.
     * Sequencer thread only.
     *
     * @throws UncheckedIOException when the disk did not take the data
     */
    public void sync() {
        if (fileSync == null) {
            return;
        }
        try {
            fileSync.force();
        } catch (IOException e) {
            broken = "the journal could not be synced to disk: " + e + "; appends are refused until the daemon"
                    + " is restarted";
            health.failing(broken);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the record at {@code index}, or returns {@code null} when there is none there (e.g. it
     * was removed by retention). Sequencer thread only.
     */
    public JournalRecord read(long index) {
        if (reader == null) {
            reader = queue.createTailer();
        }
        if (!reader.moveToIndex(index)) {
            return null;
        }
        try (DocumentContext dc = reader.readingDocument()) {
            return dc.isPresent() ? decodeOrLog(dc.wire().bytes(), dc.index()) : null;
        }
    }

    /**
     * Feeds every record from the start to {@code handler}, in order. An entry that cannot be
     * decoded is logged and skipped.
     *
     * @return how many records were replayed
     */
    public long replay(RecordHandler handler) {
        ReplayVisitor visitor = new ReplayVisitor(handler);
        try (JournalReader reader = JournalReader.over(queue)) {
            while (reader.next(visitor)) {
                // the visitor applies each entry
            }
        }
        return visitor.count;
    }

    /** Hands replayed records on, notes the cycles that hold a complete snapshot, logs corrupt entries. */
    private final class ReplayVisitor implements JournalReader.EntryVisitor {
        private final RecordHandler handler;
        private long count;

        ReplayVisitor(RecordHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onRecord(long index, int cycle, JournalRecord record) {
            if (record instanceof JournalRecord.SnapshotComplete c && c.startCycle() == cycle) {
                snapshotCycles.add(cycle);
            }
            handler.onRecord(record, index);
            count++;
        }

        @Override
        public void onCorrupt(long index, int cycle, String error) {
            LOG.error("journal entry at index {} cannot be decoded ({}); skipped", Long.toHexString(index), error);
        }
    }

    private static JournalRecord decodeOrLog(Bytes<?> bytes, long index) {
        try {
            return RecordFormat.read(bytes);
        } catch (RuntimeException e) {
            LOG.error("journal entry at index {} cannot be decoded ({}); skipped", Long.toHexString(index),
                    e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        try {
            if (fileSync != null) {
                fileSync.close();
            }
        } catch (IOException e) {
            LOG.warn("journal: closing the files kept open for syncing: {}", e.toString());
        }
        queue.close();
    }

    /** What the owner of the state does when the journal starts a file or deletes old ones. */
    public interface CycleListener {
        /** The next append opens a new file: restate the state first (through {@link #append}). */
        void cycleStarting();

        /** Retention deleted every file before the one holding {@code firstIndexKept}. */
        void cyclesDeleted(long firstIndexKept);
    }

    /** Receives replayed records. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(JournalRecord record, long index);
    }
}
