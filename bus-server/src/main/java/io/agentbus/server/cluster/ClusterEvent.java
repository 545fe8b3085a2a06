package io.agentbus.server.cluster;

/**
 * An event as a room's log holds it: where it sits, the room's epoch and the offset that epoch
 * began at, and the number the log gave it (a proposal's decision number; 0 for other events).
 */
record ClusterEvent(String room, LogId logId, String epoch, long epochFirst, long number, RoomEvent event)
        implements LogEntry {
}
