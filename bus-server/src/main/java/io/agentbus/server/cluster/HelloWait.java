package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.Hello;
import io.agentbus.server.session.Session;

/**
 * A session that said {@code hello} and waits for its welcome and inbox catch-up until this node
 * holds its inbox up to {@code target}, the last offset Redis had ordered then.
 */
record HelloWait(Session session, Hello hello, long target) {
}
