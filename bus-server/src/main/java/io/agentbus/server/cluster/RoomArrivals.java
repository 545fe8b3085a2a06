package io.agentbus.server.cluster;

import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What came for one room ahead of its turn: messages held until the ones before them arrive or
 * are read from the room's stream, whether such a read is under way, and the room's last epoch.
 * Sequencer thread only.
 */
final class RoomArrivals {
    private static final Logger LOG = LoggerFactory.getLogger(RoomArrivals.class);

    private final TreeMap<Long, ClusterEntry> held = new TreeMap<>();
    private boolean reading;
    private String epoch;

    void hold(ClusterEntry entry) {
        held.put(entry.offset(), entry);
    }

    /** The held message with the lowest offset, or {@code null}. */
    ClusterEntry firstHeld() {
        return held.isEmpty() ? null : held.firstEntry().getValue();
    }

    void release(ClusterEntry entry) {
        held.remove(entry.offset());
    }

    boolean reading() {
        return reading;
    }

    void reading(boolean reading) {
        this.reading = reading;
    }

    /** Notes the epoch of a message applied now; a change means Redis lost the room's earlier history. */
    void epoch(ClusterEntry entry) {
        if (epoch != null && !epoch.equals(entry.epoch())) {
            LOG.warn("cluster: room {} has a new epoch {} (was {}) at offset {}: Redis lost the room's stream before it",
                    entry.room(), entry.epoch(), epoch, entry.offset());
        }
        epoch = entry.epoch();
    }
}
