package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test client that nobody here wrote: the JDK's {@link java.net.http.WebSocket}. Text frames
 * are collected as they come; tests wait for them with a deadline. Reading can be paused
 * ({@link #pauseReading()}) to make the server's socket buffer fill.
 */
public final class WsClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket ws;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean paused;

    private WsClient(HttpClient http, URI uri, String origin) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.ws = builder.buildAsync(uri, new Listener()).join();
    }

    public static WsClient connect(int port) {
        return connect(HttpClient.newHttpClient(), port);
    }

    /** Connects through {@code http}, which many clients may share (one selector thread for all). */
    public static WsClient connect(HttpClient http, int port) {
        return new WsClient(http, URI.create("ws://127.0.0.1:" + port + "/ws"), null);
    }

    /** Connects to any WebSocket URI ({@code wss://…} with an {@code http} that trusts the server). */
    public static WsClient connect(HttpClient http, URI uri) {
        return new WsClient(http, uri, null);
    }

    /** Connects as a browser page of this origin would: with an {@code Origin} header. */
    public static WsClient connectFrom(String origin, int port) {
        return new WsClient(HttpClient.newHttpClient(), URI.create("ws://127.0.0.1:" + port + "/ws"), origin);
    }

    /** Connects and says hello as {@code client}; returns after the welcome. */
    public static WsClient hello(int port, String client) {
        return hello(HttpClient.newHttpClient(), port, client);
    }

    /** Connects through {@code http} and says hello as {@code client}; returns after the welcome. */
    public static WsClient hello(HttpClient http, int port, String client) {
        WsClient c = connect(http, port);
        c.send("{\"op\":\"hello\",\"client\":\"" + client + "\"}");
        c.await(f -> f.contains("\"op\":\"welcome\""));
        return c;
    }

    /** Says hello as {@code client} with {@code token}; returns the reply (welcome or error). */
    public String hello(String client, String token) {
        send("{\"op\":\"hello\",\"rid\":\"h\",\"client\":\"" + client + "\",\"token\":\"" + token + "\"}");
        return reply("h");
    }

    public WsClient send(String json) {
        ws.sendText(json, true).join();
        return this;
    }

    /** Sends one text message as two WebSocket frames (a fragment and its continuation). */
    public WsClient sendFragmented(String first, String rest) {
        ws.sendText(first, false).join();
        ws.sendText(rest, true).join();
        return this;
    }

    public WsClient sendBinary(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).join();
        return this;
    }

    /** The next frame, waiting up to {@link #TIMEOUT}. */
    public String next() {
        try {
            String f = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(f, "no frame within " + TIMEOUT);
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame, or {@code null} if none comes within {@code ms}. */
    public String poll(long ms) throws InterruptedException {
        return frames.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** Skips frames until one matches; fails after {@link #TIMEOUT}. */
    public String await(Predicate<String> match) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String f = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (f != null && match.test(f)) {
                    return f;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return fail("no matching frame within " + TIMEOUT);
    }

    /** Waits for the reply carrying {@code "rid":rid}. */
    public String reply(String rid) {
        return await(f -> f.contains("\"rid\":\"" + rid + "\""));
    }

    /** Stops requesting frames: the server's writes back up into the socket buffers. */
    public void pauseReading() {
        paused = true;
    }

    public void resumeReading() {
        paused = false;
        ws.request(1);
    }

    /** The close code the server sent, waiting up to {@link #TIMEOUT}. */
    public int awaitClose() {
        return closed.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** WebSocket pings received from the server (the JDK's client answers each with a pong by itself). */
    public int pings() {
        return pings.get();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /**
     * Closes with the WebSocket closing handshake: sends a close frame and waits for the server's.
     * From then on the server writes nothing more to this connection (unlike {@link #close()},
     * after which it may still write to the socket until it reads the close). Returns the
     * server's close code.
     */
    public int closeAndAwaitReply() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        int code = awaitClose();
        ws.abort();
        return code;
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
