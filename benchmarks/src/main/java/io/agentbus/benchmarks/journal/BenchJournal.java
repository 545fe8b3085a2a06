package io.agentbus.benchmarks.journal;

import io.agentbus.benchmarks.TempDirectory;
import io.agentbus.benchmarks.TypicalMessage;
import io.agentbus.server.config.JournalRollCycle;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A server {@link Journal} in a fresh directory, appending the typical room message at the next
 * offset, with its store file open for syncing. The directory is deleted on close, so the disk
 * holds one iteration's appends at most.
 */
final class BenchJournal implements AutoCloseable {
    private static final String STORE_SUFFIX = ".cq4";

    private final TempDirectory dir;
    private final Journal journal;
    private final byte[] frame = new FrameEncoder(UnpooledByteBufAllocator.DEFAULT).toBytes(TypicalMessage.msg(1));
    private FileChannel store;
    private long offset;

    /** @param parent where to make the directory; empty for the JVM's temporary directory */
    BenchJournal(String parent) throws IOException {
        this.dir = new TempDirectory(parent, "agentbus-journal-bench");
        try {
            this.journal = new Journal(dir.path(), JournalRollCycle.DAILY);
        } catch (RuntimeException | Error e) {
            dir.close();
            throw e;
        }
    }

    /** Appends the next message, as {@code PublishHandler} does; returns its journal index. */
    long append() {
        offset++;
        return journal.append(new RoomMessage(TypicalMessage.ROOM, offset, TypicalMessage.TS_MS, frame));
    }

    /** Forces what was appended to the current cycle file onto the disk. */
    void sync() throws IOException {
        if (store == null) {
            store = FileChannel.open(currentStoreFile(), StandardOpenOption.WRITE);
        }
        store.force(false);
    }

    private Path currentStoreFile() throws IOException {
        try (Stream<Path> files = Files.list(dir.path())) {
            return files.filter(p -> p.getFileName().toString().endsWith(STORE_SUFFIX))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IOException("no " + STORE_SUFFIX + " file in " + dir.path()
                            + " after an append"));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (store != null) {
                store.close();
            }
            journal.close();
        } finally {
            dir.close();
        }
    }
}
