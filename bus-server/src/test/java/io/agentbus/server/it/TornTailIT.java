package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.ServerConfig;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal whose newest entry was torn (as by a crash or a bad disk) still starts: the torn
 * entry is skipped, every complete message before it is served, and the next publish takes the
 * offset after the last complete one. Chronicle preallocates its files, so the damage is done
 * to the last written entry, found by its body text, not to the end of the file.
 */
class TornTailIT {
    private static final String ROOM = "torn";
    private static final int COMPLETE = 9;
    private static final String LAST = "final-entry-torn-by-the-test";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStartAndSkipALastEntryWhoseTailIsZeroed() throws Exception {
        writeMessages();
        damageNewestJournalFile((file, entry) -> {
            file.seek(entry.markerAt());
            file.write(new byte[entry.frameEnd() - entry.markerAt()]);
        });
        assertRecoveredWithoutTheLastEntry();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStartAndSkipALastEntryOverwrittenWithGarbage() throws Exception {
        writeMessages();
        damageNewestJournalFile((file, entry) -> {
            byte[] garbage = new byte[entry.frameEnd() - entry.start()];
            Arrays.fill(garbage, (byte) 0xA5);
            file.seek(entry.start());
            file.write(garbage);
        });
        assertRecoveredWithoutTheLastEntry();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStartWhenTheJournalFileIsTruncatedInsideTheLastEntry() throws Exception {
        writeMessages();
        damageNewestJournalFile((file, entry) -> file.setLength(entry.markerAt() + LAST.length() / 2));
        assertRecoveredWithoutTheLastEntry();
    }

    private void writeMessages() throws Exception {
        try (TestServer server = TestServer.start(dir); WsClient writer = server.hello("writer")) {
            for (int i = 1; i <= COMPLETE + 1; i++) {
                String text = i <= COMPLETE ? "message-" + i : LAST;
                writer.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"" + ROOM + "\",\"body\":{\"text\":\""
                        + text + "\"}}");
                assertEquals(i, ServerFrames.parse(writer.reply("p" + i), Ok.class).offset());
            }
        }
    }

    private void assertRecoveredWithoutTheLastEntry() throws Exception {
        try (TestServer server = TestServer.start(dir); WsClient reader = server.hello("reader")) {
            List<Msg> history = history(reader);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                assertEquals(i + 1, history.get(i).offset(), "offsets after the torn tail: " + history);
                bodies.add(history.get(i).body().json());
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= COMPLETE; i++) {
                expected.add("{\"text\":\"message-" + i + "\"}");
            }
            assertEquals(expected, bodies, "history after the torn tail");

            reader.send("{\"op\":\"pub\",\"rid\":\"next\",\"room\":\"" + ROOM + "\",\"body\":{\"text\":\"next\"}}");
            assertEquals(COMPLETE + 1, ServerFrames.parse(reader.reply("next"), Ok.class).offset(),
                    "the offset after the last complete message");
            server.restart();
            try (WsClient again = server.hello("again")) {
                List<Msg> afterRestart = history(again);
                assertEquals(COMPLETE + 1, afterRestart.size(), "history after a second restart: " + afterRestart);
                assertEquals(COMPLETE + 1, afterRestart.get(COMPLETE).offset());
                assertEquals("{\"text\":\"next\"}", afterRestart.get(COMPLETE).body().json());
            }
        }
    }

    private static List<Msg> history(WsClient reader) {
        reader.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"" + ROOM + "\",\"limit\":1000}");
        return ServerFrames.parse(reader.reply("h"), HistoryReply.class).messages();
    }

    private void damageNewestJournalFile(Damage damage) throws IOException {
        Path journalDir = ServerConfig.builder().dataDir(dir).build().journalDir();
        Path newest;
        try (Stream<Path> files = Files.list(journalDir)) {
            newest = files.filter(p -> p.getFileName().toString().endsWith(".cq4"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("no .cq4 file in " + journalDir));
        }
        byte[] bytes = Files.readAllBytes(newest);
        LastEntry entry = LastEntry.find(bytes);
        try (RandomAccessFile file = new RandomAccessFile(newest.toFile(), "rw")) {
            damage.apply(file, entry);
        }
    }

    @FunctionalInterface
    private interface Damage {
        void apply(RandomAccessFile file, LastEntry entry) throws IOException;
    }

    /**
     * Where the last message's journal entry lies: {@code start} is its first byte (format and
     * kind bytes, then the room name), {@code markerAt} where its body text begins, {@code frameEnd}
     * just past its frame's closing brace.
     */
    private record LastEntry(int start, int markerAt, int frameEnd) {
        static LastEntry find(byte[] bytes) {
            int markerAt = lastIndexOf(bytes, LAST.getBytes(StandardCharsets.UTF_8), bytes.length);
            assertTrue(markerAt > 0, "the last message is not in the newest journal file");
            byte[] head = {1, 1, (byte) ROOM.length(), 't', 'o', 'r', 'n'};
            int start = lastIndexOf(bytes, head, markerAt);
            assertTrue(start > 0, "no entry start before the last message");
            int frameEnd = markerAt + LAST.length();
            while (bytes[frameEnd - 1] != '}' || bytes[frameEnd] == '}') {
                frameEnd++;
            }
            assertTrue(lastIndexOf(bytes, "message-".getBytes(StandardCharsets.UTF_8), bytes.length) < start,
                    "a complete message after the last one");
            return new LastEntry(start, markerAt, frameEnd);
        }

        private static int lastIndexOf(byte[] bytes, byte[] pattern, int before) {
            for (int i = before - pattern.length; i >= 0; i--) {
                if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
