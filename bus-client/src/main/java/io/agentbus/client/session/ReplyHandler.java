package io.agentbus.client.session;

import io.agentbus.client.error.AgentBusException;
import io.agentbus.protocol.frame.ServerFrame;

/** Where the reply of one request goes; called on the client's event loop. */
interface ReplyHandler {
    /** The reply ({@code ok}, {@code welcome}, {@code history}) or an {@code error} frame. */
    void reply(ServerFrame frame);

    /** No reply will come: timeout, connection lost, client closed. */
    void fail(AgentBusException cause);
}
