package io.agentbus.client;

import java.util.List;

/**
 * One page of a room's history.
 *
 * @param messages in offset order
 * @param more     whether the room has messages after the last one of this page
 */
public record History(String room, List<ReceivedMessage> messages, boolean more) {
}
