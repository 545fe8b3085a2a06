package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * handshake.timeout.ms against clients that open a socket and never finish a request, over raw
 * sockets; the idle timeout is long, so only the deadline can close them.
 */
class SlowlorisIT {
    private static final long DEADLINE_MS = 500;
    private static final Map<Setting, Object> SETTINGS = Map.of(Setting.HANDSHAKE_TIMEOUT_MS, DEADLINE_MS,
            Setting.IDLE_TIMEOUT_MS, 30_000);
    private static final String UPGRADE = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @TempDir
    Path dir;
    private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTrickling() {
        trickler.shutdownNow();
    }

    @Test
    void shouldDropAConnectionThatSendsNothing() throws Exception {
        try (TestServer server = TestServer.start(dir, SETTINGS);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            long startNs = System.nanoTime();
            assertClosedByServer(socket);
            long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
            assertTrue(elapsedMs >= DEADLINE_MS - 100, "closed after " + elapsedMs + " ms");
        }
    }

    @Test
    void shouldDropAClientThatTricklesItsUpgradeByteByByte() throws Exception {
        try (TestServer server = TestServer.start(dir, SETTINGS);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            AtomicInteger sent = trickle(socket, UPGRADE);
            assertClosedByServer(socket);
            assertTrue(sent.get() < UPGRADE.length(), "the whole upgrade was sent: " + sent.get() + " bytes");
            assertTrue(sent.get() > 3, "hardly trickled: " + sent.get() + " bytes");
        }
    }

    @Test
    void shouldDropATrickledRequestOnAKeptAliveConnection() throws Exception {
        try (TestServer server = TestServer.start(dir, SETTINGS);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(HEALTH.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readResponseHead(socket.getInputStream()).startsWith("HTTP/1.1 200"));
            AtomicInteger sent = trickle(socket, HEALTH);
            assertClosedByServer(socket);
            assertTrue(sent.get() < HEALTH.length(), "the whole request was sent: " + sent.get() + " bytes");
        }
    }

    @Test
    void shouldKeepAKeptAliveConnectionThatWaitsBetweenRequests() throws Exception {
        try (TestServer server = TestServer.start(dir, SETTINGS);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(HEALTH.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readResponseHead(socket.getInputStream()).startsWith("HTTP/1.1 200"));
            socket.setSoTimeout((int) (3 * DEADLINE_MS));
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(),
                    "the server closed a kept-alive connection between requests");
            out.write(HEALTH.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readResponseHead(socket.getInputStream()).startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void shouldKeepAWebSocketPastTheDeadline() throws Exception {
        try (TestServer server = TestServer.start(dir, SETTINGS);
             WsClient c = server.hello("patient")) {
            assertNull(c.poll(3 * DEADLINE_MS), "the server sent something");
            assertTrue(!c.isClosed(), "closed");
            c.send("{\"op\":\"ping\",\"rid\":\"p\"}");
            assertTrue(c.reply("p").contains("\"op\":\"pong\""));
        }
    }

    @Test
    void shouldDropAClientThatNeverStartsTheTlsHandshake() throws Exception {
        TestCertificate cert = TestCertificate.create(dir);
        try (TestServer server = TestServer.start(dir.resolve("data"), Map.of(Setting.HANDSHAKE_TIMEOUT_MS,
                DEADLINE_MS, Setting.TLS_CERT_FILE, cert.cert(), Setting.TLS_KEY_FILE, cert.key()));
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});
            assertClosedByServer(socket);
        }
    }

    /** Writes {@code text} one byte every 20 ms until it is all written or the socket fails. */
    private AtomicInteger trickle(Socket socket, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        AtomicInteger sent = new AtomicInteger();
        trickler.scheduleAtFixedRate(() -> {
            int i = sent.get();
            if (i >= bytes.length) {
                return;
            }
            try {
                socket.getOutputStream().write(bytes[i]);
                sent.incrementAndGet();
            } catch (IOException e) {
                throw new IllegalStateException("stop trickling", e);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        return sent;
    }

    /** Waits (at most 10 s) for the server to close: end of stream, or a reset. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        try {
            int b;
            do {
                b = in.read();
            } while (b != -1);
        } catch (SocketException reset) {
            assertTrue(reset.getMessage().contains("reset"), reset.toString());
        }
    }

    private static String readResponseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b != -1, "closed while reading the response: " + head);
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?si).*content-length: *(\\d+).*", "$1"));
        assertEquals(length, in.readNBytes(length).length);
        return head.toString();
    }
}
