package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.agentbus.server.it.DiskTrouble.health;
import static io.agentbus.server.it.DiskTrouble.pub;
import static io.agentbus.server.it.DiskTrouble.publishUntilAccepted;
import static io.agentbus.server.it.DiskTrouble.run;
import static io.agentbus.server.it.DiskTrouble.storedOffsets;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.ServerFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal directory that turns unwritable mid-run: the real daemon ({@link Daemon}) rolls to a
 * new journal file every second; the directory is made immutable ({@code chattr +i}), so the next
 * file cannot be created. Publishes then fail with {@code internal} naming the write failure,
 * {@code /health} says {@code degraded}, the daemon keeps running; once the directory is writable
 * again publishes succeed, and after a restart every acknowledged message is in history, in order.
 *
 * <p>{@code chattr +i} needs root (CAP_LINUX_IMMUTABLE); without it the test is skipped.
 */
class UnwritableJournalIT {
    private static final String ROOM = "unwritable";

    @TempDir
    Path dir;
    private Path immutable;

    @AfterEach
    void makeWritable() throws Exception {
        if (immutable != null) {
            run("chattr", "-i", immutable.toString());
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldFailPublishesWhileTheJournalCannotBeWrittenAndTakeThemAgainAfterwards() throws Exception {
        Path data = dir.resolve("data");
        int port = Daemon.freePort();
        String[] flags = {"--journal-roll-cycle", "secondly"};
        List<Long> acked = new ArrayList<>();
        try (Daemon daemon = Daemon.startHealthy(port, data, dir.resolve("daemon.log"), flags);
             WsClient publisher = WsClient.hello(port, "publisher")) {
            acked.add(publishUntilAccepted(publisher, ROOM, "1"));
            Path journal = data.resolve("journal");
            assumeTrue(run("chattr", "+i", journal.toString()) == 0, "chattr +i needs root");
            immutable = journal;

            ErrorFrame failure = publishUntilRefused(publisher, acked);
            assertEquals(ErrorCode.INTERNAL, failure.code(), failure.message());
            assertTrue(failure.message().contains("journal could not be written"), failure.message());
            String health = health(port);
            assertTrue(health.contains("\"status\":\"degraded\""), health);

            assertEquals(0, run("chattr", "-i", journal.toString()));
            immutable = null;
            acked.add(publishUntilAccepted(publisher, ROOM, "1"));
            assertTrue(health(port).contains("\"status\":\"up\""), health(port));
            assertEquals(0, daemon.stop(), "exit status after SIGTERM:\n" + daemon.log());
        }
        try (Daemon daemon = Daemon.startHealthy(port, data, dir.resolve("restart.log"), flags);
             WsClient reader = WsClient.hello(port, "reader")) {
            assertEquals(acked, storedOffsets(reader, ROOM), "every acknowledged message, in order, nothing else");
            assertEquals(0, daemon.stop());
        }
    }

    /** Publishes one message at a time until one is refused (the next roll, within seconds). */
    private static ErrorFrame publishUntilRefused(WsClient publisher, List<Long> acked) {
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            publisher.send(pub(ROOM, "p" + attempt, "1"));
            ServerFrame reply = ServerFrames.parse(publisher.next());
            if (reply instanceof Ok ok) {
                acked.add(ok.offset());
            } else {
                return (ErrorFrame) reply;
            }
        }
        throw new AssertionError("publishes still acknowledged " + WsClient.TIMEOUT + " after chattr +i");
    }
}
