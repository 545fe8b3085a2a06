package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.ServerFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import io.agentbus.server.config.Durability;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash recovery: the daemon ({@link Daemon}) is killed with SIGKILL while four clients publish
 * into one shared room (so their publishes contend for the same offsets), and started again on
 * the same port and data. After every restart, each acknowledged message is in the history at
 * the offset its {@code ok} named, offsets run from 1 without a gap, nothing is there twice, and
 * the next publish gets the next offset. Rounds accumulate on one journal. Publishes carry no
 * {@code id}, so the server's deduplication cannot hide a duplicate. Both durability modes: a
 * SIGKILL cannot tell them apart (the page cache survives it), but {@code ack-after-sync} takes
 * another path to the {@code ok}.
 */
class KillNineIT {
    private static final long[] SEEDS = {11, 23, 37, 41, 59};
    private static final int PUBLISHERS = 4;
    private static final int MIN_KILL_DELAY_MS = 100;
    private static final int MAX_KILL_DELAY_MS = 800;
    private static final String ROOM = "crash";

    @TempDir
    Path dir;

    /** Every acknowledged message, as its body's JSON, with the offset its {@code ok} named. */
    private final Map<String, Long> acknowledged = new HashMap<>();

    @ParameterizedTest
    @EnumSource(Durability.class)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldKeepEveryAcknowledgedMessageOnceAndContiguousAfterSigkillAtRandomMoments(Durability durability)
            throws Exception {
        Path dataDir = dir.resolve("data");
        int port = Daemon.freePort();
        String[] flags = {"--durability", durability.configName()};
        for (int round = 0; round < SEEDS.length; round++) {
            try (Daemon daemon = Daemon.startHealthy(port, dataDir, dir.resolve("round-" + round + ".log"), flags)) {
                if (round > 0) {
                    assertRecovered(port, round);
                }
                int delayMs = MIN_KILL_DELAY_MS + new Random(SEEDS[round]).nextInt(MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS + 1);
                publishAndKill(daemon, round, delayMs);
            }
        }
        try (Daemon daemon = Daemon.startHealthy(port, dataDir, dir.resolve("final.log"), flags)) {
            assertRecovered(port, SEEDS.length);
            assertEquals(0, daemon.stop(), "exit status after SIGTERM:\n" + daemon.log());
        }
    }

    private void publishAndKill(Daemon daemon, int round, int delayMs) throws Exception {
        CountDownLatch everyoneAcked = new CountDownLatch(PUBLISHERS);
        List<AckingPublisher> publishers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < PUBLISHERS; i++) {
                AckingPublisher p = new AckingPublisher("pub-" + i, WsClient.hello(daemon.port(), "pub-" + i), ROOM,
                        "pub-" + i + "/" + round, everyoneAcked);
                publishers.add(p);
                Thread t = new Thread(p, "kill-nine-" + p.client);
                threads.add(t);
                t.start();
            }
            assertTrue(everyoneAcked.await(WsClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                    "not every publisher got an ok in round " + round);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delayMs));
            assertEquals(Daemon.SIGKILL_EXIT, daemon.kill(), "exit status after SIGKILL in round " + round);
            for (Thread t : threads) {
                t.join(WsClient.TIMEOUT.toMillis());
                assertFalse(t.isAlive(), t.getName() + " did not notice the daemon died");
            }
        } finally {
            for (AckingPublisher p : publishers) {
                p.ws.close();
            }
        }
        for (AckingPublisher p : publishers) {
            assertNull(p.failure, () -> p.client + " failed: " + p.failure);
            acknowledged.putAll(p.acks);
        }
    }

    private void assertRecovered(int port, int round) {
        try (WsClient reader = WsClient.hello(port, "reader-" + round)) {
            List<Msg> history = history(reader);
            Map<String, Long> offsetByBody = new HashMap<>();
            for (int i = 0; i < history.size(); i++) {
                Msg msg = history.get(i);
                assertEquals(i + 1, msg.offset(), "offsets not contiguous from 1 after restart " + round);
                assertNull(offsetByBody.put(msg.body().json(), msg.offset()),
                        "after restart " + round + " twice in history: " + msg.body().json());
            }
            acknowledged.forEach((body, offset) -> assertEquals(offset, offsetByBody.get(body),
                    "acknowledged message " + body + " after restart " + round));

            String probe = "\"probe-" + round + "\"";
            reader.send("{\"op\":\"pub\",\"rid\":\"probe\",\"room\":\"" + ROOM + "\",\"body\":" + probe + "}");
            long offset = ServerFrames.parse(reader.reply("probe"), Ok.class).offset();
            assertEquals(history.size() + 1, offset, "the first offset after restart " + round);
            acknowledged.put(probe, offset);
        }
    }

    private static List<Msg> history(WsClient reader) {
        List<Msg> all = new ArrayList<>();
        HistoryReply page;
        do {
            long since = all.isEmpty() ? 0 : all.get(all.size() - 1).offset();
            String rid = "h" + since;
            reader.send("{\"op\":\"history\",\"rid\":\"" + rid + "\",\"room\":\"" + ROOM + "\",\"since\":" + since
                    + ",\"limit\":1000}");
            page = ServerFrames.parse(reader.reply(rid), HistoryReply.class);
            all.addAll(page.messages());
        } while (page.more());
        return all;
    }
}
