package io.agentbus.server.dedup;

/**
 * What makes two messages the same message: the sender's client id, the target (a room, or the
 * recipient of a direct message) and the client-chosen {@code id}. Exactly one of {@code room}
 * and {@code to} is set, so a room and a client with the same name are different targets.
 *
 * @param from the sender's client id ({@code "rest"} for REST publishes)
 * @param room the room of a room message, or {@code null}
 * @param to   the recipient of a direct message, or {@code null}
 * @param id   the message id the sender chose
 */
public record MessageKey(String from, String room, String to, String id) {
    /** A message published into {@code room}. */
    public static MessageKey inRoom(String from, String room, String id) {
        return new MessageKey(from, room, null, id);
    }

    /** A direct message sent to {@code to}. */
    public static MessageKey direct(String from, String to, String id) {
        return new MessageKey(from, null, to, id);
    }
}
