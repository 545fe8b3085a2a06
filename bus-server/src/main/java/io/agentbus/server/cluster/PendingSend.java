package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.Send;
import io.agentbus.server.session.Session;

/** A {@code send} of this node that Redis has not ordered yet, or whose ordered message has not arrived back. */
record PendingSend(Session sender, Send send, long receivedNs) {
}
