package io.agentbus.server.cluster;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Msg;

/**
 * A direct message as Redis ordered it in {@code to}'s inbox log: its inbox offset, the log's
 * epoch, the node and sequence number it was sent under, and the message.
 */
record InboxEntry(String to, long offset, String epoch, String node, long seq, String from, String type,
                  Priority priority, long ts, String id, JsonValue body) implements InboxNews {
    /** Direct messages always travel on this channel. */
    static final String CHANNEL = "main";

    /** The {@code msg} frame the recipient receives. */
    Msg toMsg() {
        return new Msg(null, to, offset, from, CHANNEL, type, priority, ts, body, id);
    }
}
