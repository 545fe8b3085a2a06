package io.agentbus.server.sequencer;

import io.agentbus.protocol.frame.ServerFrame;
import java.util.List;

/**
 * Where the answer to a request goes: a WebSocket session or an HTTP exchange. Called on the
 * sequencer thread only.
 */
public interface Reply {
    /** Sends a reply ({@code ok}, {@code error}, {@code welcome}, …). */
    void send(ServerFrame frame);

    /** Sends a {@code history} reply around messages already encoded as JSON. */
    void sendHistory(String rid, String room, List<byte[]> messages, boolean more);
}
