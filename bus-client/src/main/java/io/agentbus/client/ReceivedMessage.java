package io.agentbus.client;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.Msg;

/**
 * A message delivered to this client: a room message ({@link #room()} set) or a direct message
 * ({@link #to()} set). The client hands each room offset, and each inbox offset, to the
 * application once.
 *
 * @param room     the room, or {@code null} for a direct message
 * @param to       the recipient (this client), or {@code null} for a room message
 * @param offset   the room offset, or for a direct message the offset in this client's inbox
 * @param from     the sender's client id ({@code "rest"} for REST publishes)
 * @param ts       server time of sequencing, epoch milliseconds
 * @param id       the sender's idempotency id, or {@code null}
 * @param bodyJson the body as compact JSON text ({@code "null"} when there was none)
 */
public record ReceivedMessage(String room, String to, long offset, String from, String channel, String type,
                              Priority priority, long ts, String id, String bodyJson) {

    /** The application's view of a {@code msg} frame. */
    public static ReceivedMessage from(Msg msg) {
        return new ReceivedMessage(msg.room(), msg.to(), msg.offset(), msg.from(), msg.channel(), msg.type(),
                msg.priority(), msg.ts(), msg.id(), msg.body() == null ? "null" : msg.body().json());
    }

    /** Whether this is a direct message (from the inbox) rather than a room message. */
    public boolean isDirect() {
        return to != null;
    }

    /** The body's {@code "text"} field when the body is an object with a string there, else {@code null}. */
    public String text() {
        return JsonText.stringField(bodyJson, "text");
    }
}
