package io.agentbus.server.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the oldest journal files (cycles) beyond {@code retention.cycles} files or
 * {@code retention.bytes} bytes. The newest file is never deleted, and neither is any file that a
 * replay would still need: the oldest file kept must hold a complete snapshot
 * ({@link JournalRecord.SnapshotComplete}), so keeping more than asked is possible, losing state
 * is not. Sizes are as the file system reports them (Chronicle grows its files in sparse chunks).
 * Sequencer thread only.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final CycleFiles files;
    private final int keepCycles;
    private final long keepBytes;

    Retention(CycleFiles files, RetentionPolicy policy) {
        this.files = files;
        this.keepCycles = policy.cycles();
        this.keepBytes = policy.bytes();
    }

    boolean enabled() {
        return keepCycles > 0 || keepBytes > 0;
    }

    /**
     * Deletes what the policy lets go.
     *
     * @param snapshotCycles the cycles known to hold a complete snapshot
     * @return how many files were deleted
     */
    int housekeep(NavigableSet<Integer> snapshotCycles) {
        List<Path> cycleFiles = cycleFiles();
        int keepFrom = Math.min(cycleFiles.size() - 1, Math.max(byCount(cycleFiles.size()), byBytes(cycleFiles)));
        int deleteBefore = oldestWithSnapshot(cycleFiles, keepFrom, snapshotCycles);
        int deleted = 0;
        while (deleted < deleteBefore && delete(cycleFiles.get(deleted))) {
            deleted++; // oldest first, and never past a file that could not be deleted: no holes
        }
        return deleted;
    }

    private int byCount(int files) {
        return keepCycles > 0 ? Math.max(0, files - keepCycles) : 0;
    }

    private int byBytes(List<Path> files) {
        if (keepBytes <= 0) {
            return 0;
        }
        long kept = 0;
        for (int i = files.size() - 1; i >= 0; i--) {
            kept += size(files.get(i));
            if (kept > keepBytes) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The index of the newest file at or before {@code keepFrom} with a complete snapshot, else 0. */
    private int oldestWithSnapshot(List<Path> cycleFiles, int keepFrom, NavigableSet<Integer> snapshotCycles) {
        for (int i = keepFrom; i > 0; i--) {
            Integer cycle = files.cycleOf(cycleFiles.get(i));
            if (cycle != null && snapshotCycles.contains(cycle)) {
                return i;
            }
        }
        return 0;
    }

    /** The journal's cycle files, oldest first (their names sort by time). */
    private List<Path> cycleFiles() {
        try (Stream<Path> listing = Files.list(files.dir())) {
            List<Path> cycleFiles = new ArrayList<>();
            listing.filter(p -> files.cycleOf(p) != null).sorted().forEach(cycleFiles::add);
            return cycleFiles;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal directory " + files.dir(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean delete(Path file) {
        try {
            long bytes = Files.size(file);
            Files.delete(file);
            LOG.info("retention: deleted journal file {} ({} bytes)", file.getFileName(), bytes);
            return true;
        } catch (IOException e) {
            LOG.warn("retention: cannot delete journal file {}: {}", file, e.toString());
            return false;
        }
    }
}
