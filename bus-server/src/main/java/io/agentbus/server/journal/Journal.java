package io.agentbus.server.journal;

import io.agentbus.server.config.JournalRollCycle;
import io.agentbus.server.metrics.LatencyRecorder;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
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

    private final ChronicleQueue queue;
    private ExcerptAppender appender;
    private ExcerptTailer reader;
    private LatencyRecorder appendLatency = new LatencyRecorder();

    /** Opens (or creates) the journal in {@code dir}. */
    public Journal(Path dir, JournalRollCycle rollCycle) {
        this.queue = ChronicleQueue.singleBuilder(dir)
                .rollCycle(rollCycle == JournalRollCycle.HOURLY ? RollCycles.FAST_HOURLY : RollCycles.FAST_DAILY)
                .build();
    }

    /** Where the time each append takes is recorded; set before the sequencer starts. */
    public void recordAppendLatency(LatencyRecorder recorder) {
        this.appendLatency = recorder;
    }

    /** Appends a record and returns its journal index. Sequencer thread only. */
    public long append(JournalRecord record) {
        long startNs = System.nanoTime();
        if (appender == null) {
            appender = queue.createAppender();
        }
        try (DocumentContext dc = appender.writingDocument()) {
            RecordFormat.write(dc.wire().bytes(), record);
        }
        appendLatency.recordSince(startNs);
        return appender.lastIndexAppended();
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
            return dc.isPresent() ? decode(dc.wire().bytes(), dc.index()) : null;
        }
    }

    /**
     * Feeds every record from the start to {@code handler}, in order. An entry that cannot be
     * decoded is logged and skipped.
     *
     * @return how many records were replayed
     */
    public long replay(RecordHandler handler) {
        long count = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return count;
                    }
                    JournalRecord record = decode(dc.wire().bytes(), dc.index());
                    if (record != null) {
                        handler.onRecord(record, dc.index());
                        count++;
                    }
                }
            }
        }
    }

    private static JournalRecord decode(Bytes<?> bytes, long index) {
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
        queue.close();
    }

    /** Receives replayed records. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(JournalRecord record, long index);
    }
}
