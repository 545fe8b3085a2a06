package io.agentbus.server.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the journal off a full disk. Chronicle Queue writes through memory-mapped files: on a
 * file system with no room left, touching a new page raises SIGBUS rather than an I/O error, so
 * the guard refuses appends while the usable space is below {@code journal.min.free.bytes}.
 * It asks the file system ({@code statvfs}) at most every {@link #CHECK_EVERY_NS} or after
 * {@link #CHECK_EVERY_BYTES} appended, whichever comes first; the floor must stay well above
 * that. Sequencer thread only.
 */
final class DiskGuard {
    static final long CHECK_EVERY_BYTES = 1 << 20;
    static final long CHECK_EVERY_NS = 100_000_000L;

    private final FileStore store;
    private final long minFreeBytes;
    private final JournalHealth health;
    private long bytesSinceCheck;
    private long nextCheckNs;
    private long freeBytes;

    DiskGuard(Path dir, long minFreeBytes, JournalHealth health) {
        try {
            this.store = Files.getFileStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file system of " + dir, e);
        }
        this.minFreeBytes = minFreeBytes;
        this.health = health;
        check(System.nanoTime());
    }

    /** {@code null} when an append may go ahead, else why not. */
    String refusal() {
        long now = System.nanoTime();
        if (bytesSinceCheck >= CHECK_EVERY_BYTES || now - nextCheckNs >= 0) {
            check(now);
        }
        if (freeBytes >= minFreeBytes) {
            return null;
        }
        return "the journal's disk has " + freeBytes + " bytes free, below journal.min.free.bytes=" + minFreeBytes;
    }

    void appended(long bytes) {
        bytesSinceCheck += bytes;
    }

    private void check(long nowNs) {
        bytesSinceCheck = 0;
        nextCheckNs = nowNs + CHECK_EVERY_NS;
        try {
            freeBytes = store.getUsableSpace();
        } catch (IOException e) {
            freeBytes = 0;
        }
        health.freeBytes(freeBytes);
    }
}
