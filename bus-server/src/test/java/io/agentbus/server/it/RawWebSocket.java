package io.agentbus.server.it;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    private volatile boolean closedByServer;
    private volatile long bytesRead;

    private RawWebSocket(Socket socket, Random masks) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.masks = masks;
    }

    /** Connects and completes the upgrade; fails unless the server answers 101. */
    static RawWebSocket open(int port, Random masks) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        RawWebSocket ws = new RawWebSocket(socket, masks);
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
            }
        } catch (IOException e) {
            // a reset or our own close: either way nothing more comes
        }
        closedByServer = true;
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
