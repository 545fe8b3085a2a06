package io.agentbus.server.cluster;

import io.agentbus.server.sequencer.Sequencer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which nodes are alive: this node renews its heartbeat key {@code agentbus:node:NAME} (with a
 * time to live) a few times per TTL; at each renewal it checks the heartbeat of every other node
 * that has members, and removes the members of a node whose heartbeat expired, room by room, with
 * one script each that appends their {@code leave}s and deletes them from the room's members hash
 * (so whichever node runs it first does it, once). After each renewal it also reconciles this
 * node's own members ({@link RoomEvents#reconcile}): a leave that Redis refused while it was away
 * is appended once Redis takes commands again. {@link #check()} and {@link #reap(String)} run on
 * the sequencer thread.
 *
 * <p>A node reaps others only once it has been connected to Redis, its heartbeats renewed, for a
 * whole TTL without a break: after an outage longer than the TTL every node's heartbeat expired
 * (or Redis lost them), and the other nodes need up to a TTL to renew theirs; reaping before that
 * would remove live members. The script checks the dead node's heartbeat itself, in the same step.
 */
final class NodeLiveness {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLiveness.class);
    /** A node's heartbeat lives at least this long. */
    private static final long MIN_TTL_MS = 3000;

    private final RedisLink link;
    private final String node;
    private final long ttlMs;
    private final ClusterMembers members;
    private final RoomEvents events;
    private Sequencer sequencer;
    private volatile boolean stopped;
    /** Since when (nanoTime) the heartbeats succeed without a failure in between; -1 after a failure. */
    private volatile long beatingSinceNanos = -1;

    /** The heartbeat lives three Redis timeouts, at least {@link #MIN_TTL_MS}. */
    NodeLiveness(RedisLink link, String node, long timeoutMs, RoomEvents events) {
        this.link = link;
        this.events = events;
        this.node = node;
        this.ttlMs = Math.max(MIN_TTL_MS, 3 * timeoutMs);
        this.members = events.members();
    }

    /** Renews the heartbeat now and every third of its TTL from now on. */
    void start(Sequencer sequencer) {
        this.sequencer = sequencer;
        beat();
    }

    private void beat() {
        if (stopped) {
            return;
        }
        try {
            link.heartbeat(node, ttlMs).whenComplete((ok, failure) -> {
                if (failure == null) {
                    if (beatingSinceNanos < 0) {
                        beatingSinceNanos = System.nanoTime();
                    }
                    sequencer.submitInternal(new ClusterCommands.Liveness(this));
                } else {
                    beatingSinceNanos = -1;
                }
            });
        } catch (RuntimeException e) {
            beatingSinceNanos = -1;
            LOG.debug("cluster: heartbeat not sent", e);
        }
        link.schedule(this::beat, ttlMs / 3);
    }

    /** Looks for other nodes with members whose heartbeat expired, and for own members whose leave is missing. */
    void check() {
        events.reconcile();
        if (!mayReap()) {
            return;
        }
        for (String other : members.nodes()) {
            if (!other.equals(node)) {
                link.alive(other).whenComplete((alive, failure) -> {
                    if (failure == null && !alive) {
                        sequencer.submitInternal(new ClusterCommands.Reap(this, other));
                    }
                });
            }
        }
    }

    /** Removes a dead node's members from every room it has some in. */
    void reap(String dead) {
        if (!mayReap()) {
            return;
        }
        for (String room : members.roomsOf(dead)) {
            link.reap(room, dead).whenComplete((removed, failure) -> {
                if (failure != null) {
                    LOG.warn("cluster: could not remove dead node {}'s members of room {}: {}", dead, room,
                            failure.getMessage());
                } else if (removed > 0) {
                    LOG.warn("cluster: node {} stopped renewing its heartbeat; removed its {} members of room {}",
                            dead, removed, room);
                }
            });
        }
    }

    /** Whether this node has been connected, and its heartbeats renewed, for a whole TTL without a break. */
    boolean mayReap() {
        long beating = beatingSinceNanos;
        if (beating < 0 || link.health().problem() != null) {
            return false;
        }
        long since = Math.max(beating, link.health().upSinceNanos());
        return System.nanoTime() - since >= TimeUnit.MILLISECONDS.toNanos(ttlMs);
    }

    /** Stops renewing the heartbeat: this node stops. */
    void stop() {
        stopped = true;
    }
}
