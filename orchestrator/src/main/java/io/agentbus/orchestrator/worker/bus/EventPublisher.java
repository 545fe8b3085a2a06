package io.agentbus.orchestrator.worker.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Publishes worker events into the worker's room: each body is {@code {"type":…,"worker":…,
 * "role":…, …}}, the message's type is the event's and its priority the event type's. Texts are
 * clipped to {@value #MAX_TEXT_CHARS} characters. Publishing never blocks the caller; a publish
 * the server refuses is reported to the error handler.
 */
public final class EventPublisher {
    public static final int MAX_TEXT_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentBusClient client;
    private final String room;
    private final String worker;
    private final String role;
    private final Consumer<String> errors;
    private volatile CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    public EventPublisher(AgentBusClient client, String room, String worker, String role, Consumer<String> errors) {
        this.client = client;
        this.room = room;
        this.worker = worker;
        this.role = role;
        this.errors = errors;
    }

    /** A body of {@code type} with {@code worker} and {@code role} filled in, to add fields to. */
    public ObjectNode body(EventType type) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type.wireName());
        body.put("worker", worker);
        body.put("role", role);
        return body;
    }

    /** Publishes {@code body}, built by {@link #body}, at its type's priority. */
    public synchronized void publish(EventType type, ObjectNode body) {
        Message message = Message.json(body.toString()).type(type.wireName()).priority(type.priority());
        CompletableFuture<?> published;
        try {
            published = client.publish(room, message);
        } catch (RuntimeException e) {
            published = CompletableFuture.failedFuture(e);
        }
        last = published.whenComplete((ok, e) -> {
            if (e != null) {
                errors.accept("could not publish " + type.wireName() + ": " + e.getMessage());
            }
        });
    }

    /** Waits up to {@code timeout} for the acknowledgement of everything published so far. */
    public void flush(Duration timeout) {
        try {
            last.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            errors.accept("events not acknowledged before closing: " + e.getMessage());
        }
    }

    /** {@code text} cut to {@value #MAX_TEXT_CHARS} characters (with a mark that it was cut), never
     * between the two halves of a surrogate pair. */
    public static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
        return text.substring(0, end) + "… [" + (text.length() - end) + " more characters]";
    }
}
