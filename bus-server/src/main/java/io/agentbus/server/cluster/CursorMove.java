package io.agentbus.server.cluster;

/** A node wrote client {@code to}'s inbox up to {@code writtenUpTo} (every node keeps the highest). */
record CursorMove(String to, long writtenUpTo) implements InboxNews {
}
