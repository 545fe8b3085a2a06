package io.agentbus.server.cluster;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Msg;

/**
 * A room message as Redis ordered it: its offset, the room's epoch when it was appended, the node
 * and sequence number it was published under (so that node knows it for its own), and the message.
 */
record ClusterEntry(String room, long offset, String epoch, String node, long seq, String from, String channel,
                    String type, Priority priority, long ts, String id, JsonValue body) implements LogEntry {

    @Override
    public LogId logId() {
        return new LogId(offset, 0);
    }

    /** The {@code msg} frame every member receives. */
    Msg toMsg() {
        return new Msg(room, null, offset, from, channel, type, priority, ts, body, id);
    }
}
