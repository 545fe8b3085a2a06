package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 hostile frames from four raw connections (seeded: {@link FuzzFrames}) while a
 * well-behaved pair exchanges 10,000 messages through the same daemon: the daemon stays up, the
 * pair gets every message in order and no error, and memory after a GC is about what it was.
 */
class FuzzIT {
    private static final long SEED = 0x5EC_2026L;
    private static final int CONNECTIONS = 4;
    private static final int FUZZ_FRAMES = 100_000;
    private static final int PAIR_MESSAGES = 10_000;
    private static final int MAX_FRAME_BYTES = 65_536;
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    private static final long DIRECT_GROWTH_LIMIT = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldStayUpAndLoseNothingOfAWellBehavedPairUnderFuzzing() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.MAX_FRAME_BYTES, MAX_FRAME_BYTES,
                Setting.ARTIFACT_MAX_BYTES, MAX_FRAME_BYTES);
        int largestMessage = ServerConfig.builder().set(Setting.MAX_FRAME_BYTES, MAX_FRAME_BYTES)
                .set(Setting.ARTIFACT_MAX_BYTES, MAX_FRAME_BYTES).build().maxWebSocketMessageBytes();
        ExecutorService fuzzers = Executors.newFixedThreadPool(CONNECTIONS);
        try (TestServer server = TestServer.start(dir, settings);
             WsClient subscriber = server.hello("pair-sub");
             WsClient publisher = server.hello("pair-pub")) {
            subscriber.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"pair-room\"}");
            assertTrue(subscriber.reply("j").contains("\"op\":\"ok\""));
            long[] before = memoryAfterGc();

            AtomicLong progress = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<long[]>> runs = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                Fuzzer fuzzer = new Fuzzer(server.port(), new FuzzFrames(SEED + i, largestMessage, i),
                        new Random(SEED - i), FUZZ_FRAMES / CONNECTIONS, progress, stop);
                runs.add(fuzzers.submit(fuzzer::run));
            }
            publishPacedByTheFuzzers(publisher, progress, runs);
            long[] totals = new long[3];
            for (Future<long[]> run : runs) {
                long[] r = run.get(120, TimeUnit.SECONDS);
                for (int k = 0; k < totals.length; k++) {
                    totals[k] += r[k];
                }
            }
            System.out.printf("fuzz: %d frames written, %d connections reopened after the server closed one,"
                    + " %d bytes of answers%n", totals[0], totals[1], totals[2]);
            assertTrue(totals[0] >= FUZZ_FRAMES, "frames written: " + totals[0]);
            assertTrue(totals[2] > FUZZ_FRAMES, "the server hardly answered: " + totals[2] + " bytes");

            assertPairLostNothing(publisher, subscriber);
            assertTrue(server.get("/health").body().contains("\"status\":\"up\""));
            try (WsClient late = server.hello("late-comer")) {
                late.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"pair-room\",\"since\":9999}");
                assertTrue(late.reply("h").contains("\"offset\":10000"));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> server.get("/health").body().contains("\"connections\":2,"));
            assertMemoryBounded(before, memoryAfterGc());
        } finally {
            fuzzers.shutdownNow();
        }
    }

    /**
     * Message i goes out once the fuzzers wrote 90 % of i / 10,000 of their frames, so the pair's
     * traffic spans the fuzzing; a fuzzer that fails ends the pacing (its failure shows later).
     */
    private static void publishPacedByTheFuzzers(WsClient publisher, AtomicLong progress, List<Future<long[]>> runs) {
        for (int i = 1; i <= PAIR_MESSAGES; i++) {
            long due = (long) (i - 1) * FUZZ_FRAMES / PAIR_MESSAGES * 9 / 10;
            while (progress.get() < due && !allDone(runs)) {
                LockSupport.parkNanos(100_000);
            }
            publisher.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"pair-room\",\"body\":{\"n\":" + i + "}}");
        }
    }

    private static boolean allDone(List<Future<long[]>> runs) {
        for (Future<long[]> run : runs) {
            if (!run.isDone()) {
                return false;
            }
        }
        return true;
    }

    private static void assertPairLostNothing(WsClient publisher, WsClient subscriber) {
        for (int i = 1; i <= PAIR_MESSAGES; i++) {
            String ack = publisher.next();
            assertEquals("{\"op\":\"ok\",\"rid\":\"p" + i + "\",\"room\":\"pair-room\",\"offset\":" + i + "}", ack);
        }
        for (int i = 1; i <= PAIR_MESSAGES; i++) {
            String msg = subscriber.next();
            assertTrue(msg.startsWith("{\"op\":\"msg\",\"room\":\"pair-room\",\"offset\":" + i + ",\"from\":\"pair-pub\"")
                    && msg.endsWith("\"body\":{\"n\":" + i + "}}"), "message " + i + ": " + msg);
        }
        assertFalse(publisher.isClosed() || subscriber.isClosed(), "the pair was closed");
    }

    /** Used heap and Netty's pooled direct memory after a full GC. */
    private static long[] memoryAfterGc() {
        System.gc();
        return new long[] {ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory()};
    }

    private static void assertMemoryBounded(long[] before, long[] after) {
        System.out.printf("memory after GC: heap %d -> %d KiB, pooled direct %d -> %d KiB%n", before[0] >> 10,
                after[0] >> 10, before[1] >> 10, after[1] >> 10);
        assertTrue(after[0] - before[0] < HEAP_GROWTH_LIMIT, "heap grew " + ((after[0] - before[0]) >> 10) + " KiB");
        assertTrue(after[1] - before[1] < DIRECT_GROWTH_LIMIT,
                "pooled direct memory grew " + ((after[1] - before[1]) >> 10) + " KiB");
    }

    /** One fuzzing connection: writes its share of frames, reconnecting whenever the server closes it. */
    private record Fuzzer(int port, FuzzFrames frames, Random masks, int quota, AtomicLong progress,
                          AtomicBoolean stop) {
        long[] run() throws IOException {
            long written = 0;
            long reopened = -1;
            long answered = 0;
            RawWebSocket ws = null;
            try {
                while (written < quota && !stop.get()) {
                    if (ws == null || ws.closedByServer()) {
                        if (ws != null) {
                            answered += ws.bytesRead();
                            ws.close();
                        }
                        ws = RawWebSocket.open(port, masks);
                        reopened++;
                        frames.hello(ws);
                        written++;
                    }
                    try {
                        int n = frames.next(ws);
                        written += n;
                        progress.addAndGet(n);
                    } catch (IOException closedMidFrame) {
                        answered += ws.bytesRead();
                        ws.close();
                        ws = null;
                        continue;
                    }
                    if (frames.closing()) {
                        awaitClose(ws);
                    }
                }
            } finally {
                if (ws != null) {
                    answered += ws.bytesRead();
                    ws.close();
                }
            }
            return new long[] {written, reopened, answered};
        }

        /** Frames written after one that ends the connection would never be read: wait for the close. */
        private static void awaitClose(RawWebSocket ws) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ws.closedByServer()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server did not close after a frame that breaks the protocol");
                }
                LockSupport.parkNanos(50_000);
            }
        }
    }
}
