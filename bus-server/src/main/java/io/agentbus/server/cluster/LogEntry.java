package io.agentbus.server.cluster;

/** One entry of a room's log in Redis: a message ({@link ClusterEntry}) or an event ({@link ClusterEvent}). */
interface LogEntry {
    String room();

    /** Where it sits in the room's log. */
    LogId logId();

    /** The room's epoch when it was appended. */
    String epoch();
}
