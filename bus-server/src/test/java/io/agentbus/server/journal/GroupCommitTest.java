package io.agentbus.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Durability;
import io.agentbus.server.config.JournalRollCycle;
import io.agentbus.server.journal.JournalRecord.RoomMark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group commit over a real journal: held until the commit, run after the sync, once each, in order. */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunHeldActionsOnlyAfterTheJournalIsSyncedInOrder() {
        try (Journal journal = new Journal(dir, JournalRollCycle.DAILY, Durability.ACK_AFTER_SYNC, 0,
                RetentionPolicy.KEEP_ALL)) {
            GroupCommit commit = new GroupCommit(journal, Durability.ACK_AFTER_SYNC);
            List<String> ran = new ArrayList<>();
            journal.append(new RoomMark("r", 1));
            commit.whenDurable(recording(ran, "first", journal));
            journal.append(new RoomMark("r", 2));
            commit.whenDurable(recording(ran, "second", journal));

            assertTrue(ran.isEmpty(), "acknowledged before the commit: " + ran);
            assertTrue(journal.unsynced());
            assertEquals(2, commit.commit());
            assertEquals(List.of("first: synced", "second: synced"), ran);
            assertFalse(commit.holding());
            assertEquals(0, commit.commit(), "nothing runs twice");
        }
    }

    @Test
    void shouldRunTheOthersOnceWhenOneHeldActionThrows() {
        try (Journal journal = new Journal(dir, JournalRollCycle.DAILY, Durability.ACK_AFTER_SYNC, 0,
                RetentionPolicy.KEEP_ALL)) {
            GroupCommit commit = new GroupCommit(journal, Durability.ACK_AFTER_SYNC);
            List<String> ran = new ArrayList<>();
            journal.append(new RoomMark("r", 1));
            commit.whenDurable(recording(ran, "before", journal));
            commit.whenDurable(failing());
            commit.whenDurable(recording(ran, "after", journal));

            assertEquals(3, commit.commit());
            assertEquals(0, commit.commit());
            assertEquals(List.of("before: synced", "after: synced"), ran);
        }
    }

    @Test
    void shouldRunAtOnceWithAckAfterAppend() {
        try (Journal journal = new Journal(dir, JournalRollCycle.DAILY)) {
            GroupCommit commit = new GroupCommit(journal, Durability.ACK_AFTER_APPEND);
            List<String> ran = new ArrayList<>();
            journal.append(new RoomMark("r", 1));
            commit.whenDurable(recording(ran, "now", journal));
            assertEquals(List.of("now: synced"), ran, "no sync to wait for in this mode");
            assertFalse(commit.holdsAcks());
            assertEquals(0, commit.commit());
        }
    }

    private static GroupCommit.Durable recording(List<String> ran, String name, Journal journal) {
        return new GroupCommit.Durable() {
            @Override
            public void onDurable() {
                ran.add(name + (journal.unsynced() ? ": NOT synced" : ": synced"));
            }

            @Override
            public void onSyncFailed(Exception failure) {
                ran.add(name + ": sync failed " + failure);
            }
        };
    }

    private static GroupCommit.Durable failing() {
        return new GroupCommit.Durable() {
            @Override
            public void onDurable() {
                throw new IllegalStateException("a held action that fails");
            }

            @Override
            public void onSyncFailed(Exception failure) {
                throw new IllegalStateException("a held action that fails");
            }
        };
    }
}
