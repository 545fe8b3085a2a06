package io.agentbus.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A member of the stream's room on a thread of its own: records each message's latency (receive
 * time minus the send time the publisher intended, in microseconds) in an HdrHistogram
 * {@link Recorder}, notes the end marks, counts {@code dropped} notices and remembers the close
 * code (1006 for a connection that ended without a close frame).
 */
final class StreamReceiver implements AutoCloseable {
    static final int OPEN = 0;
    static final int ABNORMAL_CLOSE = 1006;
    private static final byte[] STAMP = "\"body\":{\"t\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"body\":{\"end\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DROPPED = "{\"op\":\"dropped\"".getBytes(StandardCharsets.US_ASCII);

    private final StreamSocket socket;
    private final Recorder latencyUs = new Recorder(3);
    private final Thread thread;
    private volatile long lastEnd;
    private volatile int droppedNotices;
    private volatile int messages;
    private volatile int closeCode = OPEN;
    private volatile int messagesBeforeFirstNotice = -1;

    private StreamReceiver(StreamSocket socket, String name) {
        this.socket = socket;
        this.thread = new Thread(this::receive, "stream-" + name);
        this.thread.setDaemon(true);
    }

    /** Connects, says hello as {@code client}, joins {@code room} and starts receiving. */
    static StreamReceiver join(int port, String client, String room, int receiveBufferBytes) throws IOException {
        StreamSocket socket = StreamSocket.open(port, receiveBufferBytes);
        socket.sendText("{\"op\":\"hello\",\"client\":\"" + client + "\"}");
        socket.awaitText("\"op\":\"welcome\"");
        socket.sendText("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + room + "\"}");
        socket.awaitText("\"rid\":\"j\"");
        StreamReceiver r = new StreamReceiver(socket, client);
        r.thread.start();
        return r;
    }

    /** Reads at most this many bytes per second from now on, in bursts (0: as fast as it can). */
    void pace(long bytesPerSecond, long burstBytes) {
        socket.pace(bytesPerSecond, burstBytes);
    }

    /** Latencies recorded since the last call. */
    Histogram takeLatencies() {
        return latencyUs.getIntervalHistogram();
    }

    long lastEnd() {
        return lastEnd;
    }

    int droppedNotices() {
        return droppedNotices;
    }

    int messages() {
        return messages;
    }

    /** Messages received before the first {@code dropped} notice, or -1 before one came. */
    int messagesBeforeFirstNotice() {
        return messagesBeforeFirstNotice;
    }

    /** The close code the server sent; {@link #OPEN} while open; 1006 when it ended without one. */
    int closeCode() {
        return closeCode;
    }

    private void receive() {
        try {
            while (true) {
                int opcode = socket.readFrame();
                if (opcode == StreamSocket.OPCODE_CLOSE) {
                    byte[] p = socket.payload();
                    closeCode = (p[0] & 0xFF) << 8 | p[1] & 0xFF;
                    return;
                }
                if (opcode == StreamSocket.OPCODE_TEXT) {
                    onText(socket.payload(), socket.payloadLength());
                } else if (opcode == StreamSocket.OPCODE_PING) {
                    socket.pong();
                }
            }
        } catch (IOException e) {
            closeCode = ABNORMAL_CLOSE;
        }
    }

    private void onText(byte[] p, int length) {
        long nowNs = System.nanoTime();
        int at = indexOf(p, length, STAMP);
        if (at >= 0) {
            latencyUs.recordValue(Math.max(0, nowNs - number(p, at + STAMP.length)) / 1000);
            messages++;
        } else if ((at = indexOf(p, length, END)) >= 0) {
            lastEnd = number(p, at + END.length);
        } else if (indexOf(p, Math.min(length, DROPPED.length), DROPPED) == 0) {
            if (messagesBeforeFirstNotice < 0) {
                messagesBeforeFirstNotice = messages;
            }
            droppedNotices++;
        }
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

    private static long number(byte[] p, int at) {
        long n = 0;
        for (int i = at; p[i] >= '0' && p[i] <= '9'; i++) {
            n = n * 10 + (p[i] - '0');
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
