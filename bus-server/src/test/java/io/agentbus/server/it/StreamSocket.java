package io.agentbus.server.it;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A lean blocking WebSocket client for streams of many small frames: masked text frames out,
 * server frames read one at a time into a reused buffer, nothing allocated per frame. The
 * input may be paced to a number of bytes per second, to play a slow consumer.
 */
final class StreamSocket implements AutoCloseable {
    static final int OPCODE_TEXT = 1;
    static final int OPCODE_CLOSE = 8;
    static final int OPCODE_PING = 9;
    private static final int OPCODE_PONG = 10;
    private static final byte[] UPGRADE = ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final PacedInput paced;
    private final byte[] key = new byte[4];
    private byte[] masked = new byte[256];
    private byte[] payload = new byte[4096];
    private int payloadLength;

    private StreamSocket(Socket socket, PacedInput paced) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.paced = paced;
        this.in = new DataInputStream(new BufferedInputStream(paced, 1 << 16));
    }

    /** Connects and upgrades; a receive buffer of {@code receiveBufferBytes} when above 0. */
    static StreamSocket open(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        StreamSocket s = new StreamSocket(socket, new PacedInput(socket.getInputStream()));
        s.out.write(UPGRADE);
        s.out.flush();
        s.skipHead();
        return s;
    }

    /**
     * Reads at most {@code bytesPerSecond} from now on, in bursts of {@code burstBytes} at once;
     * 0 for as fast as possible.
     */
    void pace(long bytesPerSecond, long burstBytes) {
        paced.pace(bytesPerSecond, burstBytes);
    }

    /** Answers the ping just read ({@link #payload()}) with a pong. */
    void pong() throws IOException {
        frame(OPCODE_PONG, payload, payloadLength);
        flush();
    }

    /** Buffers one masked text frame; {@link #flush()} sends. */
    void text(byte[] utf8, int length) throws IOException {
        frame(OPCODE_TEXT, utf8, length);
    }

    private void frame(int opcode, byte[] utf8, int length) throws IOException {
        out.write(0x80 | opcode);
        if (length < 126) {
            out.write(0x80 | length);
        } else {
            out.write(0x80 | 126);
            out.write(length >>> 8);
            out.write(length);
        }
        ThreadLocalRandom.current().nextBytes(key);
        out.write(key);
        if (masked.length < length) {
            masked = new byte[length];
        }
        for (int i = 0; i < length; i++) {
            masked[i] = (byte) (utf8[i] ^ key[i & 3]);
        }
        out.write(masked, 0, length);
    }

    void sendText(String json) throws IOException {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        text(utf8, utf8.length);
        flush();
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Reads the next server frame; returns its opcode, its payload is {@link #payload()}. */
    int readFrame() throws IOException {
        int first = in.readUnsignedByte();
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (payload.length < length) {
            payload = new byte[(int) length];
        }
        in.readFully(payload, 0, (int) length);
        payloadLength = (int) length;
        return first & 0x0F;
    }

    byte[] payload() {
        return payload;
    }

    int payloadLength() {
        return payloadLength;
    }

    /** The payload as text (allocates: for the rare frames only). */
    String payloadText() {
        return new String(payload, 0, payloadLength, StandardCharsets.UTF_8);
    }

    /** Reads frames until a text frame containing {@code mark}; returns it. */
    String awaitText(String mark) throws IOException {
        while (true) {
            if (readFrame() == OPCODE_TEXT) {
                String text = payloadText();
                if (text.contains(mark)) {
                    return text;
                }
            }
        }
    }

    private void skipHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * Reads at a given pace, a burst at a time: the reader parks until the burst its next bytes
     * belong to is due. Bursts make the server's socket writable again now and then (the kernel
     * wakes a writer only once a good part of its send buffer is free), as a slow client would.
     */
    private static final class PacedInput extends InputStream {
        private static final int CHUNK = 4096;
        private final InputStream in;
        private volatile long bytesPerSecond;
        private long burstBytes;
        private long startNs;
        private long taken;

        PacedInput(InputStream in) {
            this.in = in;
        }

        void pace(long rate, long burst) {
            startNs = System.nanoTime();
            taken = 0;
            burstBytes = Math.max(1, burst);
            bytesPerSecond = rate;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long rate = bytesPerSecond;
            if (rate == 0) {
                return in.read(b, off, len);
            }
            long dueNs = startNs + taken / burstBytes * burstBytes * 1_000_000_000L / rate;
            long waitNs = dueNs - System.nanoTime();
            if (waitNs > 0) {
                LockSupport.parkNanos(waitNs);
            }
            int n = in.read(b, off, Math.min(len, CHUNK));
            taken += Math.max(n, 0);
            return n;
        }
    }
}
