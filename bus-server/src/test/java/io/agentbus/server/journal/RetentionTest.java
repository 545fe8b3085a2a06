package io.agentbus.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.server.config.JournalRollCycle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which cycle files the policy deletes: by count and by bytes, never the newest, and never past
 * the newest file that starts with a complete snapshot. Files named as Chronicle names them.
 */
class RetentionTest {
    private static final int FIRST_CYCLE = 20_000;
    private static final int FILE_BYTES = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldKeepAsManyOfTheNewestFilesAsFitInTheBytes() throws Exception {
        CycleFiles files = fiveFiles();
        int deleted = new Retention(files, new RetentionPolicy(0, 2_500)).housekeep(everyCycle());
        assertEquals(3, deleted, "2,500 bytes hold the two newest files of 1,000");
        assertEquals(List.of(FIRST_CYCLE + 3, FIRST_CYCLE + 4), cyclesLeft(files));
    }

    @Test
    void shouldKeepTheNewestFileEvenWhenItAloneIsOverTheBytes() throws Exception {
        CycleFiles files = fiveFiles();
        new Retention(files, new RetentionPolicy(0, 10)).housekeep(everyCycle());
        assertEquals(List.of(FIRST_CYCLE + 4), cyclesLeft(files));
    }

    @Test
    void shouldKeepEveryFileBackToTheNewestKeptOneWithASnapshot() throws Exception {
        CycleFiles files = fiveFiles();
        TreeSet<Integer> snapshots = new TreeSet<>(List.of(FIRST_CYCLE + 2));
        new Retention(files, new RetentionPolicy(1, 0)).housekeep(snapshots);
        assertEquals(List.of(FIRST_CYCLE + 2, FIRST_CYCLE + 3, FIRST_CYCLE + 4), cyclesLeft(files),
                "one file asked for, but replay needs the snapshot in cycle +2");
    }

    private CycleFiles fiveFiles() throws Exception {
        CycleFiles files = new CycleFiles(dir, JournalRollCycle.SECONDLY.chronicleCycle());
        for (int i = 0; i < 5; i++) {
            Files.write(files.fileOf(FIRST_CYCLE + i), new byte[FILE_BYTES]);
        }
        Files.writeString(dir.resolve("metadata.cq4t"), "not a cycle");
        return files;
    }

    private static TreeSet<Integer> everyCycle() {
        TreeSet<Integer> cycles = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            cycles.add(FIRST_CYCLE + i);
        }
        return cycles;
    }

    private List<Integer> cyclesLeft(CycleFiles files) throws Exception {
        List<Integer> cycles = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.map(files::cycleOf).filter(c -> c != null).sorted().forEach(cycles::add);
        }
        return cycles;
    }
}
