package io.agentbus.server.it;

import static io.agentbus.server.it.DiskTrouble.run;
import static io.agentbus.server.it.ServerFrames.parse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.server.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode, a node whose journal refuses appends (its disk below {@code journal.min.free.bytes}
 * on a small tmpfs, filled by a file): an event it cannot journal is not counted as applied, its
 * own request is answered with the journal's error, a request held behind it is answered after
 * a few Redis timeouts that its outcome is unknown, an expiry is not appended again and again,
 * and once space returns the node applies what it could not.
 *
 * <p>Mounting a tmpfs needs root (CAP_SYS_ADMIN); without it the test is skipped.
 */
class ClusterJournalRefusalIT {
    private static final long MIN_FREE_BYTES = 16L << 20;

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
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldAnswerRetryAndNotReappendEventsTheJournalRefused() throws Exception {
        Path mountPoint = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mountPoint.toString()) == 0,
                "mounting a tmpfs needs root");
        disk = mountPoint;
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = TestServer.start(disk.resolve("a"), Map.of(Setting.CLUSTER_REDIS, redis.uri(),
                     Setting.JOURNAL_MIN_FREE_BYTES, MIN_FREE_BYTES, Setting.CLUSTER_TIMEOUT_MS, 500));
             TestServer b = ClusterNodes.node(dir, "b", redis);
             WsClient alice = a.hello("alice");
             WsClient bob = b.hello("bob")) {
            ClusterPresenceIT.join(alice, "team", "lead");
            ClusterPresenceIT.join(bob, "team", "coder");
            parse(alice.await(f -> f.contains("\"op\":\"presence\"")), Presence.class);
            bob.send("{\"op\":\"propose\",\"rid\":\"p1\",\"room\":\"team\",\"title\":\"Ship\",\"rule\":\"consensus\","
                    + "\"deadline_ms\":2000}");
            assertEquals("d-1", parse(bob.reply("p1"), Ok.class).decision());
            assertEquals(DecisionStatus.OPEN, update(alice).status());

            Path filler = disk.resolve("filler");
            long fill = Files.getFileStore(disk).getUsableSpace() - (MIN_FREE_BYTES / 2);
            assertEquals(0, run("fallocate", "-l", Long.toString(fill), filler.toString()), "filling the tmpfs");

            ErrorFrame refused = proposeUntilRefused(alice); // the journal looks at the disk every 100 ms
            assertEquals(ErrorCode.OVERLOADED, refused.code(), refused.message());
            assertTrue(refused.message().contains("journal.min.free.bytes"), refused.message());
            alice.send("{\"op\":\"propose\",\"rid\":\"stuck\",\"room\":\"team\",\"title\":\"Stuck\","
                    + "\"rule\":\"majority\"}"); // appended, but held behind the refused proposal on a
            ErrorFrame unknown = parse(alice.reply("stuck"), ErrorFrame.class);
            assertEquals(ErrorCode.OVERLOADED, unknown.code(), unknown.message());
            assertTrue(unknown.message().contains("no outcome"), unknown.message());
            bob.await(f -> f.contains("\"op\":\"decision\"") && f.contains("\"decision\":\"d-1\"")
                    && f.contains("\"status\":\"expired\"")); // d-1 expired on b
            long expiries = expiries(redis);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> expiries(redis) == expiries);
            assertTrue(expiries <= 2, expiries + " expiries appended: at most one per node");

            Files.delete(filler);
            bob.send("{\"op\":\"pub\",\"rid\":\"m\",\"room\":\"team\",\"body\":{}}");
            parse(bob.reply("m"), Ok.class);
            DecisionUpdate next = update(alice);
            assertEquals("Next", next.title(), "a applies the proposal it could not journal");
            assertEquals(DecisionStatus.OPEN, next.status());
            assertEquals("Stuck", update(alice).title(), "the proposal answered 'no outcome' did happen");
            DecisionUpdate expired = update(alice);
            assertEquals("d-1", expired.decision());
            assertEquals(DecisionStatus.EXPIRED, expired.status(), "a applies the expiry it could not journal");
        }
    }

    /** Proposes until a proposal is refused; the accepted ones' updates are read. */
    private static ErrorFrame proposeUntilRefused(WsClient member) {
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            member.send("{\"op\":\"propose\",\"rid\":\"n" + attempt + "\",\"room\":\"team\",\"title\":\"Next\","
                    + "\"rule\":\"majority\"}");
            if (parse(member.reply("n" + attempt)) instanceof ErrorFrame refused) {
                return refused;
            }
            update(member);
        }
        throw new AssertionError("proposals still accepted after " + WsClient.TIMEOUT);
    }

    private static DecisionUpdate update(WsClient member) {
        return parse(member.await(f -> f.contains("\"op\":\"decision\"")), DecisionUpdate.class);
    }

    /** How many expiry events the room's log holds. */
    private static long expiries(RedisServer redis) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            long count = 0;
            for (StreamMessage<String, String> m : connection.sync().xrange("agentbus:{team}:log",
                    Range.create("-", "+"))) {
                String v = m.getBody().get("v");
                if (v != null && v.startsWith("[\"x\"")) {
                    count++;
                }
            }
            return count;
        } finally {
            client.shutdown();
        }
    }
}
