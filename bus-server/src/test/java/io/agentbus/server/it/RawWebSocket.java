package io.agentbus.server.it;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A WebSocket client that writes frames byte by byte as told, valid or not (any opcode, RSV
 * bits, fragments, unmasked, invalid UTF-8), which no real client library will. A thread of its
 * own reads and discards what the server sends until the server closes.
 */
final class RawWebSocket implements AutoCloseable {
    private static final byte[] UPGRADE = ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final OutputStream out;
    private final Random masks;
    private final ByteArrayOutputStream kept;
    private volatile boolean closedByServer;
    private volatile long bytesRead;

    private RawWebSocket(Socket socket, Random masks, boolean keepInput) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.masks = masks;
        this.kept = keepInput ? new ByteArrayOutputStream() : null;
    }

    /** Connects and completes the upgrade; fails unless the server answers 101. */
    static RawWebSocket open(int port, Random masks) throws IOException {
        return open(port, masks, false);
    }

    /**
     * Connects and completes the upgrade; with {@code keepInput} what the server sends is kept for
     * {@link #serverFrames()}. It never answers a ping.
     */
    static RawWebSocket open(int port, Random masks, boolean keepInput) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        RawWebSocket ws = new RawWebSocket(socket, masks, keepInput);
        ws.out.write(UPGRADE);
        ws.out.flush();
        String head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + head);
        }
        Thread reader = new Thread(ws::discardInput, "raw-ws-reader");
        reader.setDaemon(true);
        reader.start();
        return ws;
    }

    /** Writes one frame: FIN flag, RSV bits (0–7), opcode (0–15), payload, masked or not. */
    void frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        out.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0xF);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift));
            }
        }
        if (masked) {
            byte[] key = new byte[4];
            masks.nextBytes(key);
            out.write(key);
            byte[] maskedPayload = new byte[payload.length];
            for (int i = 0; i < payload.length; i++) {
                maskedPayload[i] = (byte) (payload[i] ^ key[i & 3]);
            }
            out.write(maskedPayload);
        } else {
            out.write(payload);
        }
        out.flush();
    }

    /** Whether the server closed the connection (end of stream or an error reading). */
    boolean closedByServer() {
        return closedByServer;
    }

    long bytesRead() {
        return bytesRead;
    }

    private void discardInput() {
        byte[] buffer = new byte[1 << 16];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                bytesRead += n;
                if (kept != null) {
                    synchronized (kept) {
                        kept.write(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            // a reset or our own close: either way nothing more comes
        }
        closedByServer = true;
    }

    /** A frame the server sent: its opcode and payload (server frames are never masked). */
    record ServerFrame(int opcode, byte[] payload) {
        /** The status code of a close frame. */
        int closeCode() {
            return (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }
    }

    /** The whole frames kept so far, in order; only with {@code keepInput}. */
    List<ServerFrame> serverFrames() {
        byte[] in;
        synchronized (kept) {
            in = kept.toByteArray();
        }
        List<ServerFrame> frames = new ArrayList<>();
        int at = 0;
        while (at + 2 <= in.length) {
            int length = in[at + 1] & 0x7F;
            int header = 2;
            if (length == 126) {
                if (at + 4 > in.length) {
                    break;
                }
                length = (in[at + 2] & 0xFF) << 8 | in[at + 3] & 0xFF;
                header = 4;
            }
            if (at + header + length > in.length) {
                break;
            }
            frames.add(new ServerFrame(in[at] & 0x0F, Arrays.copyOfRange(in, at + header, at + header + length)));
            at += header + length;
        }
        return frames;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
