package io.agentbus.benchmarks.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JournalDiskTest {
    private static final Path SHM = Path.of("/dev/shm");

    @Test
    void shouldTellMemoryFileSystemsFromDisks() {
        assertTrue(JournalDisk.inMemory("tmpfs"));
        assertTrue(JournalDisk.inMemory("ramfs"));
        assertFalse(JournalDisk.inMemory("ext4"));
        assertFalse(JournalDisk.inMemory("xfs"));
    }

    @Test
    void shouldRefuseToMeasureSyncsOnATmpfs() throws Exception {
        assumeTrue(Files.isDirectory(SHM) && JournalDisk.inMemory(Files.getFileStore(SHM).type()),
                "no tmpfs at " + SHM);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JournalDisk.requireDisk("JournalSyncBenchmark", SHM.toString()));
        assertTrue(e.getMessage().contains("journalParent"), e.getMessage());
    }
}
