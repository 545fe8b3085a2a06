package io.agentbus.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the cluster knows of one client's inbox beyond this node's copy: direct messages held
 * until the ones before them arrive or are read from the inbox's stream, whether such a read is
 * under way and how far it should go, the cursor shared through Redis, this node's cursor moves
 * on their way there, the sessions waiting for their catch-up, and the log's epoch. Sequencer
 * thread only.
 */
final class InboxArrivals {
    private static final Logger LOG = LoggerFactory.getLogger(InboxArrivals.class);

    private final TreeMap<Long, InboxEntry> held = new TreeMap<>();
    private final List<HelloWait> waiting = new ArrayList<>(1);
    private boolean reading;
    private long want;
    private long shared;
    private long toPublish;
    private boolean publishing;
    private String epoch;

    void hold(InboxEntry entry) {
        held.put(entry.offset(), entry);
    }

    /** The held message with the lowest offset, or {@code null}. */
    InboxEntry firstHeld() {
        return held.isEmpty() ? null : held.firstEntry().getValue();
    }

    /** The highest offset held, 0 for none. */
    long highestHeld() {
        return held.isEmpty() ? 0 : held.lastKey();
    }

    void release(InboxEntry entry) {
        held.remove(entry.offset());
    }

    boolean reading() {
        return reading;
    }

    void reading(boolean reading) {
        this.reading = reading;
    }

    /** The offset reads should reach; 0 when none is wanted. */
    long want() {
        return want;
    }

    /** Reads should reach at least {@code offset}; 0 clears what was wanted. */
    void want(long offset) {
        want = offset == 0 ? 0 : Math.max(want, offset);
    }

    /** The highest cursor known to be in Redis. */
    long shared() {
        return shared;
    }

    void shared(long cursor) {
        shared = Math.max(shared, cursor);
    }

    /** This node's cursor still to be written to Redis, if above {@link #shared()}. */
    long toPublish() {
        return toPublish;
    }

    void toPublish(long cursor) {
        toPublish = Math.max(toPublish, cursor);
    }

    boolean publishing() {
        return publishing;
    }

    void publishing(boolean publishing) {
        this.publishing = publishing;
    }

    void addWaiting(HelloWait hello) {
        waiting.add(hello);
    }

    /** The sessions waiting for their catch-up; the caller removes those it finishes. */
    List<HelloWait> waiting() {
        return waiting;
    }

    /**
     * Whether nothing is held, read, published or waited for: an entry of an inbox this node has no
     * message of is then dropped (what it knows is in Redis, and a hello asks Redis again).
     */
    boolean idle() {
        return held.isEmpty() && waiting.isEmpty() && !reading && want == 0 && !publishing && toPublish <= shared;
    }

    /** Notes the epoch of a message applied now; a change means Redis lost the inbox's earlier history. */
    void epoch(InboxEntry entry) {
        if (epoch != null && !epoch.equals(entry.epoch())) {
            LOG.warn("cluster: the inbox of {} has a new epoch {} (was {}) at offset {}: Redis lost its stream before it",
                    entry.to(), entry.epoch(), epoch, entry.offset());
        }
        epoch = entry.epoch();
    }
}
