package io.agentbus.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A member of one room on a thread of its own that records, per {@code msg}, its offset and the
 * message's key: the publisher's number (client id {@code pN}) times {@link #SEQ_LIMIT} plus the
 * body's sequence number ({@code {"s":SEQ}}). It may also publish, with at most a window of
 * unanswered publishes at once; it then notes the offset each {@code ok} gave ({@code rid} is the
 * sequence number), counts each publish's answers and keeps every error reply. Parses the frames' bytes and allocates nothing
 * per message, so hundreds of them fit on a busy machine.
 */
final class RoomRecorder implements AutoCloseable {
    /** Sequence numbers are below this. */
    static final int SEQ_LIMIT = 1_000_000;
    static final int NOT_ACKED = -1;
    private static final byte[] MSG = "{\"op\":\"msg\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "{\"op\":\"ok\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "{\"op\":\"error\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFSET = "\"offset\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FROM_PUBLISHER = "\"from\":\"p".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = "\"body\":{\"s\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RID = "\"rid\":\"".getBytes(StandardCharsets.US_ASCII);

    private final StreamSocket socket;
    private final String room;
    private final long[] offsets;
    private final long[] keys;
    private final CountDownLatch complete;
    private final Thread thread;
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile int received;
    private volatile int extra;
    private volatile String ended;
    private final String client;
    private Semaphore window;
    private int windowSize;
    private long[] ackOffsets;
    private int[] answers;
    private volatile int published;
    private volatile int oks;
    private volatile int overloaded;

    private RoomRecorder(StreamSocket socket, String client, String room, int expected) {
        this.socket = socket;
        this.client = client;
        this.room = room;
        this.offsets = new long[expected];
        this.keys = new long[expected];
        this.complete = new CountDownLatch(expected);
        this.thread = new Thread(this::receive, "recorder-" + client);
        this.thread.setDaemon(true);
    }

    /**
     * Connects to {@code port}, says hello as {@code client}, joins {@code room}, and records the
     * next {@code expected} messages (more are counted as {@link #extra()}); with {@code publishes}
     * above 0 it may publish up to that many, with at most {@code window} unanswered.
     */
    static RoomRecorder join(int port, String client, String room, int expected, int publishes, int window)
            throws IOException {
        StreamSocket socket = StreamSocket.open(port, 0);
        socket.sendText("{\"op\":\"hello\",\"client\":\"" + client + "\"}");
        socket.awaitText("\"op\":\"welcome\"");
        socket.sendText("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + room + "\"}");
        String joined = socket.awaitText("\"rid\":\"j\"");
        if (!joined.startsWith("{\"op\":\"ok\"")) {
            socket.close();
            throw new IOException(client + " could not join " + room + ": " + joined);
        }
        RoomRecorder r = new RoomRecorder(socket, client, room, expected);
        if (publishes > 0) {
            r.window = new Semaphore(window);
            r.windowSize = window;
            r.ackOffsets = new long[publishes + 1];
            r.answers = new int[publishes + 1];
            Arrays.fill(r.ackOffsets, NOT_ACKED);
        }
        r.thread.start();
        return r;
    }

    /**
     * Publishes {@code {"s":seq}} for seq 1..count (rid = seq, id = CLIENT-seq), waiting for a free
     * place in the window at most {@code timeoutMs} each time; false if a place did not free in time.
     */
    boolean publish(int count, long timeoutMs) throws IOException, InterruptedException {
        return publishUntil(() -> published >= count, 0, timeoutMs) == count;
    }

    /**
     * Publishes like {@link #publish} until {@code stop} says so, at most one message per
     * {@code intervalNanos} (0: as fast as the window allows); returns how many it published, -1
     * when a place in the window did not free within {@code timeoutMs}.
     */
    int publishUntil(BooleanSupplier stop, long intervalNanos, long timeoutMs)
            throws IOException, InterruptedException {
        long startNs = System.nanoTime();
        while (!stop.getAsBoolean() && published + 1 < ackOffsets.length) {
            long waitNs = startNs + published * intervalNanos - System.nanoTime();
            if (waitNs > 0) {
                flush();
                LockSupport.parkNanos(waitNs);
                continue;
            }
            if (!window.tryAcquire()) {
                flush();
                if (!window.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
                    return -1;
                }
            }
            int seq = published + 1;
            byte[] frame = ("{\"op\":\"pub\",\"rid\":\"" + seq + "\",\"id\":\"" + client + "-" + seq
                    + "\",\"room\":\"" + room + "\",\"body\":{\"s\":" + seq + "}}").getBytes(StandardCharsets.US_ASCII);
            synchronized (socket) {
                socket.text(frame, frame.length);
            }
            published = seq;
        }
        flush();
        return published;
    }

    private void flush() throws IOException {
        synchronized (socket) {
            socket.flush();
        }
    }

    /** Waits until every publish was answered (ok or error) or the deadline passed; true if all were. */
    boolean awaitAnswers(long deadlineNanos) throws InterruptedException {
        boolean all = window.tryAcquire(windowSize, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (all) {
            window.release(windowSize);
        }
        return all;
    }

    /** Waits until every expected message came (or the deadline passed); true if they did. */
    boolean awaitAll(long deadlineNanos) throws InterruptedException {
        return complete.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    int received() {
        return received;
    }

    /** Messages beyond the expected count. */
    int extra() {
        return extra;
    }

    /** Why reading ended early, or {@code null}. */
    String ended() {
        return ended;
    }

    long offset(int i) {
        return offsets[i];
    }

    long key(int i) {
        return keys[i];
    }

    /** The offset the {@code ok} of publish {@code seq} gave, or {@link #NOT_ACKED}. */
    long ackOffset(int seq) {
        return ackOffsets[seq];
    }

    /** How many answers (ok or error) publish {@code seq} got. */
    int answers(int seq) {
        return answers[seq];
    }

    /** Publishes sent so far. */
    int published() {
        return published;
    }

    /** {@code ok} answers to publishes so far. */
    int oks() {
        return oks;
    }

    /** {@code overloaded} answers to publishes so far. */
    int overloaded() {
        return overloaded;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    private void receive() {
        try {
            while (true) {
                int opcode = socket.readFrame();
                if (opcode == StreamSocket.OPCODE_CLOSE) {
                    ended = "closed by the server";
                    return;
                }
                if (opcode == StreamSocket.OPCODE_TEXT) {
                    onText(socket.payload(), socket.payloadLength());
                } else if (opcode == StreamSocket.OPCODE_PING) {
                    synchronized (socket) {
                        socket.pong();
                    }
                }
            }
        } catch (IOException e) {
            ended = e.toString();
        }
    }

    private void onText(byte[] p, int length) {
        if (startsWith(p, length, MSG)) {
            onMessage(p, length);
        } else if (startsWith(p, length, OK) && window != null) {
            int seq = (int) numberAfter(p, length, RID);
            ackOffsets[seq] = numberAfter(p, length, OFFSET);
            answers[seq]++;
            oks++;
            window.release();
        } else if (startsWith(p, length, ERROR)) {
            String text = new String(p, 0, length, StandardCharsets.UTF_8);
            errors.add(text);
            if (window != null) {
                answers[(int) numberAfter(p, length, RID)]++;
                overloaded += text.contains("\"code\":\"overloaded\"") ? 1 : 0;
                window.release();
            }
        }
    }

    private void onMessage(byte[] p, int length) {
        int n = received;
        if (n >= offsets.length) {
            extra++;
            return;
        }
        offsets[n] = numberAfter(p, length, OFFSET);
        keys[n] = numberAfter(p, length, FROM_PUBLISHER) * SEQ_LIMIT + numberAfter(p, length, SEQ);
        received = n + 1;
        complete.countDown();
    }

    private static boolean startsWith(byte[] p, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (p[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The decimal number right after the first {@code mark} (skipping a {@code "}), or -1 without one. */
    private static long numberAfter(byte[] p, int length, byte[] mark) {
        int at = indexOf(p, length, mark);
        if (at < 0) {
            return -1;
        }
        long n = 0;
        for (int i = at + mark.length; i < length && p[i] >= '0' && p[i] <= '9'; i++) {
            n = n * 10 + (p[i] - '0');
        }
        return n;
    }

    private static int indexOf(byte[] p, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (p[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
