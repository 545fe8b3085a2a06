package io.agentbus.server.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a journal from its first entry to its last without changing anything: the daemon's replay
 * at start ({@link #over}) and the journal tools ({@link #open}). Chronicle Queue opens it read-only: no write lock is taken and no file is created, so it
 * may run beside the daemon that appends to it, and sees what was appended up to each read.
 * Entries are read one at a time (constant memory); an entry that cannot be decoded is reported
 * as corrupt, not skipped.
 */
public final class JournalReader implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final boolean ownsQueue;

    private JournalReader(SingleChronicleQueue queue, boolean ownsQueue) {
        this.queue = queue;
        this.tailer = queue.createTailer();
        this.ownsQueue = ownsQueue;
    }

    /** Reads the daemon's own open journal from its first entry (replay); closing leaves the queue open. */
    static JournalReader over(SingleChronicleQueue queue) {
        return new JournalReader(queue, false);
    }

    /**
     * Opens the journal in {@code dir}.
     *
     * @throws NoJournalException when {@code dir} is missing or holds no journal; nothing is
     *                            created then (Chronicle's read-only builder would create the
     *                            directory, so it is not asked)
     */
    public static JournalReader open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NoJournalException("no journal directory " + dir);
        }
        if (!Files.isRegularFile(dir.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE))) {
            throw new NoJournalException(dir + " holds no journal (no " + SingleChronicleQueue.QUEUE_METADATA_FILE + ")");
        }
        return new JournalReader(ChronicleQueue.singleBuilder(dir).readOnly(true).build(), true);
    }

    /**
     * Reads the next entry into {@code visitor}.
     *
     * @return {@code false} when every entry appended so far has been read
     */
    public boolean next(EntryVisitor visitor) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            long index = dc.index();
            int cycle = queue.rollCycle().toCycle(index);
            JournalRecord record = decode(dc.wire().bytes(), index, cycle, visitor);
            if (record != null) {
                visitor.onRecord(index, cycle, record);
            }
            return true;
        }
    }

    private static JournalRecord decode(Bytes<?> bytes, long index, int cycle, EntryVisitor visitor) {
        try {
            return RecordFormat.read(bytes);
        } catch (RuntimeException e) {
            visitor.onCorrupt(index, cycle, e.getMessage() == null ? e.toString() : e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        tailer.close();
        if (ownsQueue) {
            queue.close();
        }
    }

    /** Receives the entries, in journal order. */
    public interface EntryVisitor {
        /** An entry that decoded to {@code record}; {@code cycle} is the journal file it is in. */
        void onRecord(long index, int cycle, JournalRecord record);

        /** An entry that cannot be decoded, and why. */
        void onCorrupt(long index, int cycle, String error);
    }
}
