package io.agentbus.server.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node reaches Redis, for {@code /health}: written by Lettuce's threads, read by any.
 * A connection that dropped makes the node {@code degraded} until it is back. Only changes are
 * logged.
 */
public final class ClusterHealth {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterHealth.class);

    private final String redis;
    private final Set<Object> down = ConcurrentHashMap.newKeySet();
    private volatile String problem;
    private volatile long upSinceNanos = System.nanoTime();
    private boolean closing;

    public ClusterHealth(String redis) {
        this.redis = redis;
    }

    /** The Redis this node uses, its password masked. */
    public String redis() {
        return redis;
    }

    /** Why this node cannot order messages now, or {@code null} when it can. */
    public String problem() {
        return problem;
    }

    /** Since when (a {@link System#nanoTime()}) every connection is up: the last time the node reconnected. */
    long upSinceNanos() {
        return upSinceNanos;
    }

    /** The node closes its connections itself: that is no trouble. */
    synchronized void closing() {
        closing = true;
    }

    synchronized void disconnected(Object connection) {
        if (closing) {
            return;
        }
        down.add(connection);
        if (problem == null) {
            LOG.error("cluster: lost the connection to Redis at {}; publishes get 'overloaded' until it is back", redis);
        }
        problem = "the connection to Redis at " + redis + " is down; reconnecting";
    }

    synchronized void connected(Object connection) {
        down.remove(connection);
        if (down.isEmpty() && problem != null) {
            LOG.warn("cluster: connected to Redis at {} again", redis);
            upSinceNanos = System.nanoTime();
            problem = null;
        }
    }
}
