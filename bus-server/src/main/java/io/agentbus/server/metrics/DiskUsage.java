package io.agentbus.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The size of the journal directory and the free space of the file system it is on. The size is
 * the files' length: Chronicle Queue grows its files in chunks, so it runs ahead of what was
 * written by up to a chunk per file.
 */
final class DiskUsage {
    /** Not known (the directory cannot be read). */
    static final long UNKNOWN = -1;

    private final Path journalDir;

    DiskUsage(Path journalDir) {
        this.journalDir = journalDir;
    }

    /** Bytes in the journal's files, or {@link #UNKNOWN}. */
    long journalBytes() {
        try (Stream<Path> files = Files.walk(journalDir)) {
            return files.mapToLong(DiskUsage::sizeOf).sum();
        } catch (IOException | UncheckedIOException e) {
            return UNKNOWN;
        }
    }

    /** Bytes this process may still write on the journal's file system, or {@link #UNKNOWN}. */
    long freeBytes() {
        try {
            FileStore store = Files.getFileStore(journalDir);
            return store.getUsableSpace();
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (NoSuchFileException rolledAway) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
