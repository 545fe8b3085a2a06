package io.agentbus.benchmarks.bare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that keeps every text message it receives, and notes if it was closed. */
final class TextClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket webSocket;

    private TextClient(HttpClient http, URI uri, Duration timeout) {
        this.webSocket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, this)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    static TextClient connect(HttpClient http, int port, Duration timeout) {
        return new TextClient(http, URI.create("ws://127.0.0.1:" + port + "/ws"), timeout);
    }

    void sendText(String text, Duration timeout) {
        webSocket.sendText(text, true).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void sendBinary(byte[] data, Duration timeout) {
        webSocket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The next text message, or {@code null} if none arrives within the timeout. */
    String nextText(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the connection ended, once it has. */
    CompletableFuture<String> closed() {
        return closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete("closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete("failed: " + error);
    }

    @Override
    public void close() {
        webSocket.abort();
    }
}
