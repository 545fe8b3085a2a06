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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal on a file system that fills up: the real daemon ({@link Daemon}) keeps its data on a
 * 48 MiB tmpfs and refuses appends below 16 MiB free. Publishing 8 KiB messages until refused:
 * the refusal is {@code overloaded} naming the free space, {@code /health} says
 * {@code degraded}, the daemon does not crash; when the file system grows again (a remount)
 * publishes succeed, and after a restart every acknowledged message is in history, in order.
 *
 * <p>Mounting a tmpfs needs root (CAP_SYS_ADMIN); without it the test is skipped.
 */
class FullDiskIT {
    private static final String BODY = "\"" + "d".repeat(8 * 1024) + "\"";
    private static final String ROOM = "filling";
    private static final long MIN_FREE_BYTES = 16L << 20;
    private static final int WINDOW = 32;

    @TempDir
    Path dir;
    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            run("umount", "-l", disk.toString());
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldRefuseAppendsWhenTheDiskFillsAndTakeThemAgainWhenSpaceReturns() throws Exception {
        Path mountPoint = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mountPoint.toString()) == 0,
                "mounting a tmpfs needs root");
        disk = mountPoint;
        int port = Daemon.freePort();
        String[] flags = {"--journal-min-free-bytes", Long.toString(MIN_FREE_BYTES)};
        List<Long> acked = new ArrayList<>();
        try (Daemon daemon = Daemon.startHealthy(port, disk.resolve("data"), dir.resolve("daemon.log"), flags);
             WsClient publisher = WsClient.hello(port, "publisher")) {
            ErrorFrame refusal = publishUntilRefused(publisher, acked);
            assertEquals(ErrorCode.OVERLOADED, refusal.code(), refusal.message());
            assertTrue(refusal.message().contains("journal.min.free.bytes"), refusal.message());
            assertTrue(acked.size() > 100, "only " + acked.size() + " acknowledged before the disk filled");
            String health = health(port);
            assertTrue(health.contains("\"status\":\"degraded\""), health);
            assertTrue(health.contains("\"problem\":"), health);

            assertEquals(0, run("mount", "-o", "remount,size=128m", disk.toString()), "growing the tmpfs");
            acked.add(publishUntilAccepted(publisher, ROOM, BODY));
            assertTrue(health(port).contains("\"status\":\"up\""), health(port));
            assertEquals(0, daemon.stop(), "exit status after SIGTERM:\n" + daemon.log());
        }
        try (Daemon daemon = Daemon.startHealthy(port, disk.resolve("data"), dir.resolve("restart.log"), flags);
             WsClient reader = WsClient.hello(port, "reader")) {
            assertEquals(acked, storedOffsets(reader, ROOM), "every acknowledged message, in order, nothing else");
            assertEquals(0, daemon.stop());
        }
    }

    /** Publishes with a window of unacknowledged messages until one is refused; returns the refusal. */
    private static ErrorFrame publishUntilRefused(WsClient publisher, List<Long> acked) {
        long sent = 0;
        long answered = 0;
        ErrorFrame refusal = null;
        while (refusal == null || answered < sent) {
            for (; refusal == null && sent - answered < WINDOW; sent++) {
                publisher.send(pub(ROOM, "p" + sent, BODY));
            }
            ServerFrame reply = ServerFrames.parse(publisher.next());
            answered++;
            if (reply instanceof Ok ok) {
                acked.add(ok.offset());
            } else if (refusal == null) {
                refusal = (ErrorFrame) reply;
            }
        }
        return refusal;
    }
}
