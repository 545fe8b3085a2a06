package io.agentbus.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.server.config.JournalRollCycle;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The file Chronicle writes for a cycle is the one {@link CycleFiles} names, for every roll cycle. */
class CycleFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(JournalRollCycle.class)
    void shouldNameTheFileChronicleWritesAndReadItsCycleBack(JournalRollCycle rollCycle) throws Exception {
        try (Journal journal = new Journal(dir, rollCycle)) {
            journal.append(new RoomMark("r", 0));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(CycleFiles.SUFFIX)).toList();
        }
        assertEquals(1, files.size(), files.toString());
        CycleFiles names = new CycleFiles(dir, rollCycle.chronicleCycle());
        Integer cycle = names.cycleOf(files.get(0));
        assertEquals(files.get(0), names.fileOf(cycle));
        assertEquals(System.currentTimeMillis() / rollCycle.chronicleCycle().lengthInMillis(), (long) cycle, 1);
        assertNull(names.cycleOf(dir.resolve("metadata.cq4t")));
        assertNull(names.cycleOf(dir.resolve("notes.cq4")));
    }
}
