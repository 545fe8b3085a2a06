package io.agentbus.server.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
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
    private static final String SUFFIX = ".cq4";

    private final Path dir;
    private final int keepCycles;
    private final long keepBytes;
    private final RollCycle rollCycle;
    private final DateTimeFormatter names;

    Retention(Path dir, RetentionPolicy policy, RollCycle rollCycle) {
        this.dir = dir;
        this.keepCycles = policy.cycles();
        this.keepBytes = policy.bytes();
        this.rollCycle = rollCycle;
        this.names = new DateTimeFormatterBuilder().appendPattern(rollCycle.format())
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                .toFormatter(Locale.ROOT).withZone(ZoneOffset.UTC);
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
        List<Path> files = cycleFiles();
        int keepFrom = Math.min(files.size() - 1, Math.max(byCount(files.size()), byBytes(files)));
        int deleteBefore = oldestWithSnapshot(files, keepFrom, snapshotCycles);
        int deleted = 0;
        for (int i = 0; i < deleteBefore; i++) {
            if (delete(files.get(i))) {
                deleted++;
            }
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
    private int oldestWithSnapshot(List<Path> files, int keepFrom, NavigableSet<Integer> snapshotCycles) {
        for (int i = keepFrom; i > 0; i--) {
            Integer cycle = cycleOf(files.get(i));
            if (cycle != null && snapshotCycles.contains(cycle)) {
                return i;
            }
        }
        return 0;
    }

    /** The journal's cycle files, oldest first (their names sort by time). */
    private List<Path> cycleFiles() {
        try (Stream<Path> listing = Files.list(dir)) {
            List<Path> files = new ArrayList<>();
            listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal directory " + dir, e);
        }
    }

    /** The cycle a file holds, from its name; {@code null} for a name that is not a cycle's. */
    Integer cycleOf(Path file) {
        String name = file.getFileName().toString();
        try {
            long startMs = LocalDateTime.parse(name.substring(0, name.length() - SUFFIX.length()), names)
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
            return (int) (startMs / rollCycle.lengthInMillis());
        } catch (RuntimeException notACycleFile) {
            return null;
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
