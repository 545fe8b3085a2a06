package io.agentbus.benchmarks.journal;

import io.agentbus.benchmarks.TempDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where a journal benchmark writes, and whether that is a disk. On a file system held in memory
 * ({@code tmpfs}, {@code ramfs}) a sync returns at once and the page cache never writes back, so a
 * sync figure means nothing and an append figure leaves out what a disk-backed journal pays.
 */
final class JournalDisk {
    private static final Set<String> IN_MEMORY = Set.of("tmpfs", "ramfs");

    private JournalDisk() {
    }

    /** Whether a file system of this type ({@code FileStore.type()}) keeps its files in memory only. */
    static boolean inMemory(String fileSystemType) {
        return IN_MEMORY.contains(fileSystemType);
    }

    /** The type of the file system that holds {@code parent} (empty for java.io.tmpdir). */
    static String fileSystemType(String parent) throws IOException {
        return Files.getFileStore(TempDirectory.parent(parent)).type();
    }

    /**
     * Refuses a parent directory held in memory.
     *
     * @throws IllegalStateException saying why and what to pass instead
     */
    static void requireDisk(String benchmark, String parent) throws IOException {
        String type = fileSystemType(parent);
        if (inMemory(type)) {
            throw new IllegalStateException(benchmark + ": " + describe(parent) + " is on " + type
                    + ", where a sync costs nothing, so the figure would mean nothing; pass"
                    + " -p journalParent=DIR with DIR on the disk the daemon's journal would use");
        }
    }

    /** Warns on stderr when the parent directory is held in memory. */
    static void warnIfInMemory(String benchmark, String parent) throws IOException {
        String type = fileSystemType(parent);
        if (inMemory(type)) {
            System.err.println("warning: " + benchmark + ": " + describe(parent) + " is on " + type
                    + ": appends never reach a disk there; pass -p journalParent=DIR on the daemon's disk for its figure");
        }
    }

    private static String describe(String parent) throws IOException {
        Path path = TempDirectory.parent(parent);
        return (parent.isEmpty() ? "java.io.tmpdir " : "journalParent ") + path;
    }
}
