package io.agentbus.server.cluster;

import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.session.Session;

/** A publish of this node that Redis has not ordered yet, or whose ordered message has not arrived back. */
record Pending(Reply reply, Session publisher, String rid, String sha256, long receivedNs) {
}
