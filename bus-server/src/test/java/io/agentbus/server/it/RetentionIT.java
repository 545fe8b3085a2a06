package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention with tiny cycles: the journal rolls to a new file every second and keeps two. State
 * made in the first file (a room's offsets, a decision, a direct message its recipient has not
 * read) outlives the deletion of that file, live and across a restart, because every file starts
 * with a snapshot; the deleted messages are reported as gone, never served wrong.
 */
class RetentionIT {
    private static final String ROOM = "kept";
    private static final long PACE_NS = TimeUnit.MILLISECONDS.toNanos(20);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldDeleteOldCyclesAndKeepRoomStateDecisionsAndInboxesAcrossThem() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.ROLL_CYCLE, "secondly", Setting.RETENTION_CYCLES, 2);
        Path journal = dir.resolve("data/journal");
        try (TestServer server = TestServer.start(dir.resolve("data"), settings)) {
            long last;
            try (WsClient alice = server.hello("alice")) {
                startOfASecond();
                alice.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\",\"role\":\"lead\"}");
                parse(alice.reply("j"), Ok.class);
                alice.send("{\"op\":\"propose\",\"rid\":\"p\",\"room\":\"" + ROOM + "\",\"title\":\"Keep it\","
                        + "\"rule\":\"majority\"}");
                String decision = parse(alice.reply("p"), Ok.class).decision();
                alice.send("{\"op\":\"vote\",\"rid\":\"v\",\"room\":\"" + ROOM + "\",\"decision\":\"" + decision
                        + "\",\"choice\":\"yes\"}");
                parse(alice.reply("v"), Ok.class);
                alice.send("{\"op\":\"send\",\"rid\":\"s\",\"to\":\"bob\",\"body\":\"read me later\"}");
                parse(alice.reply("s"), Ok.class);
                for (int i = 0; i < 2; i++) {
                    alice.send("{\"op\":\"pub\",\"rid\":\"first" + i + "\",\"room\":\"" + ROOM + "\",\"body\":0}");
                    parse(alice.reply("first" + i), Ok.class);
                }
                assertEquals(1, files(journal).size(), "the setup spanned a roll; the first file must hold all of it");
                Path firstFile = oldestFile(journal);
                last = publishUntilDeleted(alice, firstFile);
            }
            assertTrue(files(journal).size() <= 3, "kept files: " + files(journal));
            assertGoneBeforeAndServedAfter(server, last);

            server.restart();

            assertGoneBeforeAndServedAfter(server, last);
            try (WsClient bob = server.hello("bob")) {
                Msg direct = parse(bob.next(), Msg.class);
                assertEquals("\"read me later\"", direct.body().json(), "the unread direct message survived");
            }
            String rooms = server.get("/api/v1/rooms").body();
            assertTrue(rooms.contains("\"last_offset\":" + last), rooms);
            assertTrue(!rooms.contains("\"first_offset\":1,"), "the first kept offset moved on: " + rooms);
            assertTrue(rooms.contains("\"decisions\":1"), "the decision survived: " + rooms);
            try (WsClient carol = server.hello("carol")) {
                carol.send("{\"op\":\"pub\",\"rid\":\"next\",\"room\":\"" + ROOM + "\",\"body\":0}");
                assertEquals(last + 1, parse(carol.reply("next"), Ok.class).offset(), "offsets go on");
            }
        }
    }

    /** Waits for the start of a wall-clock second, so the setup lands in one one-second file. */
    private static void startOfASecond() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.currentTimeMillis() % 1000 > 50) {
            assertTrue(System.nanoTime() < deadline, "no second started within 5 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Publishes one message every 20 ms until retention deletes {@code file}; returns the last offset. */
    private static long publishUntilDeleted(WsClient publisher, Path file) {
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        long last = 0;
        for (int i = 0; Files.exists(file); i++) {
            assertTrue(System.nanoTime() < deadline, file + " still there after " + WsClient.TIMEOUT);
            publisher.send("{\"op\":\"pub\",\"rid\":\"m" + i + "\",\"room\":\"" + ROOM + "\",\"body\":" + i + "}");
            last = parse(publisher.reply("m" + i), Ok.class).offset();
            LockSupport.parkNanos(PACE_NS);
        }
        return last;
    }

    /**
     * {@code history} from the start is refused as not found, naming the first kept offset; a
     * join from the start gets a {@code dropped} notice with reason retention for the gone range,
     * then every kept message up to {@code last}.
     */
    private static void assertGoneBeforeAndServedAfter(TestServer server, long last) {
        try (WsClient reader = server.hello("reader")) {
            reader.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"" + ROOM + "\",\"since\":0}");
            String refusal = reader.reply("h");
            ServerFrames.assertError(refusal, ErrorCode.NOT_FOUND, "h", "retention");

            reader.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\",\"since\":0}");
            assertEquals(last, parse(reader.reply("j"), Ok.class).offset());
            Dropped gap = parse(reader.next(), Dropped.class);
            assertEquals(1, gap.fromOffset());
            assertEquals(Dropped.RETENTION, gap.reason());
            assertTrue(gap.toOffset() > 1, "the first file held more than one message");
            for (long offset = gap.toOffset() + 1; offset <= last; offset++) {
                assertEquals(offset, parse(reader.next(), Msg.class).offset());
            }
        }
    }

    private static Path oldestFile(Path journal) throws Exception {
        return files(journal).get(0);
    }

    private static List<Path> files(Path journal) throws Exception {
        try (Stream<Path> listing = Files.list(journal)) {
            return listing.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }
}
