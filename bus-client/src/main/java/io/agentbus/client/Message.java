package io.agentbus.client;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Pub;
import java.util.Objects;

/**
 * A message to publish into a room or send to a client: a JSON body plus its type, channel,
 * priority and idempotency id. Immutable; the {@code with…} methods return copies.
 *
 * <pre>{@code
 * Message.text("tests are green").type("status").priority(Priority.HIGH)
 * Message.json("{\"build\":42,\"ok\":true}")
 * }</pre>
 *
 * <p>Without an explicit {@link #id(String) id} the client gives each message a unique one, which
 * is what lets it resend after a reconnect without the server storing the message twice.
 */
public final class Message {
    private final JsonValue body;
    private final String type;
    private final String channel;
    private final Priority priority;
    private final String id;

    private Message(JsonValue body, String type, String channel, Priority priority, String id) {
        this.body = body;
        this.type = type;
        this.channel = channel;
        this.priority = priority;
        this.id = id;
    }

    /** A message whose body is {@code {"text": text}}. */
    public static Message text(String text) {
        Objects.requireNonNull(text, "text");
        return new Message(new JsonValue(JsonText.object("text", text)), Pub.DEFAULT_TYPE, Pub.DEFAULT_CHANNEL,
                Priority.NORMAL, null);
    }

    /**
     * A message whose body is the JSON value {@code json} (an object, array, string, number,
     * boolean or null), checked here.
     *
     * @throws IllegalArgumentException if {@code json} is not exactly one JSON value
     */
    public static Message json(String json) {
        return new Message(new JsonValue(JsonText.requireValue(json)), Pub.DEFAULT_TYPE, Pub.DEFAULT_CHANNEL,
                Priority.NORMAL, null);
    }

    /** This message with {@code type} (default {@code "message"}; non-empty, at most 64 chars). */
    public Message type(String type) {
        return new Message(body, requireLabel("type", type), channel, priority, id);
    }

    /** This message on {@code channel} (default {@code "main"}; ignored by direct messages). */
    public Message channel(String channel) {
        return new Message(body, type, requireLabel("channel", channel), priority, id);
    }

    /** This message with {@code priority} (default {@link Priority#NORMAL}). */
    public Message priority(Priority priority) {
        return new Message(body, type, channel, Objects.requireNonNull(priority, "priority"), id);
    }

    /**
     * This message with an explicit idempotency id (non-empty, at most 255 chars): the server
     * drops a second message with the same id from the same client into the same room (or to the
     * same recipient) within its de-duplication window, and acknowledges it with the first
     * one's offset.
     */
    public Message id(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > 255) {
            throw new IllegalArgumentException("id must be 1 to 255 characters, not " + id.length());
        }
        return new Message(body, type, channel, priority, id);
    }

    public JsonValue body() {
        return body;
    }

    public String type() {
        return type;
    }

    public String channel() {
        return channel;
    }

    public Priority priority() {
        return priority;
    }

    /** The explicit id, or {@code null} when the client is to choose one. */
    public String id() {
        return id;
    }

    private static String requireLabel(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException(field + " must be 1 to 64 characters, not " + value.length());
        }
        return value;
    }

    @Override
    public String toString() {
        return "Message[type=" + type + ", channel=" + channel + ", priority=" + priority.wireName()
                + (id == null ? "" : ", id=" + id) + ", body=" + body.json() + "]";
    }
}
