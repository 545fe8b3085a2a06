package io.agentbus.server.cluster;

import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What came for one room ahead of its turn: entries held until the ones before them arrive or
 * are read from the room's stream, whether such a read is under way (everything that arrives
 * meanwhile is held too), how far the room's events are applied, the position up to which the
 * room's members came from a snapshot, and the room's last epoch. Sequencer thread only.
 */
final class RoomArrivals {
    private static final Logger LOG = LoggerFactory.getLogger(RoomArrivals.class);

    private final TreeMap<LogId, LogEntry> held = new TreeMap<>();
    private boolean reading;
    private String epoch;
    private long eventOffset;
    private long eventN;
    private LogId snapshotAt = LogId.START;
    private LogId refused;

    void hold(LogEntry entry) {
        held.put(entry.logId(), entry);
    }

    /** The held entry that comes first, or {@code null}. */
    LogEntry firstHeld() {
        return held.isEmpty() ? null : held.firstEntry().getValue();
    }

    /** The highest message offset held (an event's is the message before it), 0 for none. */
    long highestHeld() {
        return held.isEmpty() ? 0 : held.lastKey().offset();
    }

    void release(LogEntry entry) {
        held.remove(entry.logId());
    }

    boolean reading() {
        return reading;
    }

    void reading(boolean reading) {
        this.reading = reading;
    }

    /** The position of the last entry applied, when the room's last message offset is {@code lastOffset}. */
    LogId applied(long lastOffset) {
        return new LogId(lastOffset, eventOffset == lastOffset ? eventN : 0);
    }

    /** Whether {@code id} is applied already. */
    boolean isApplied(long lastOffset, LogId id) {
        return id.compareTo(applied(lastOffset)) <= 0;
    }

    /**
     * Whether {@code id} comes right after what is applied: the next message, or the next event
     * after the last message. (Events that might come between the last one applied and the next
     * message cannot be seen missing; they can only be missed while the subscription is down, and
     * the read that follows a new subscription brings them.)
     */
    boolean isNext(long lastOffset, LogId id) {
        if (refused != null && !refused.equals(id)) {
            return false; // the journal refused it: nothing after it comes before it is applied
        }
        return id.isMessage() ? id.offset() == lastOffset + 1
                : id.offset() == lastOffset && id.n() == applied(lastOffset).n() + 1;
    }

    /** An event at {@code id} was applied (or is known to be gone). */
    void eventApplied(LogId id) {
        eventOffset = id.offset();
        eventN = id.n();
    }

    /**
     * The journal refused to apply {@code id} ({@code null}: the one refused is applied or skipped):
     * until it is applied, nothing after it is next, so it is read and applied again first.
     */
    void refused(LogId id) {
        refused = id;
    }

    /** Up to where this room's members came from a snapshot: membership events up to there are in it. */
    LogId snapshotAt() {
        return snapshotAt;
    }

    void snapshotAt(LogId id) {
        snapshotAt = id;
    }

    /** Whether the entry is of another epoch than the last one applied. */
    boolean isNewEpoch(LogEntry entry) {
        return epoch != null && !epoch.equals(entry.epoch());
    }

    /** The room's epoch as a snapshot says ({@code null} or empty: unknown). */
    void epoch(String snapshotEpoch) {
        if (snapshotEpoch != null && !snapshotEpoch.isEmpty()) {
            epoch = snapshotEpoch;
        }
    }

    /** Notes the epoch of an entry applied now; a change means Redis lost the room's earlier history. */
    void epoch(LogEntry entry) {
        if (epoch != null && !epoch.equals(entry.epoch())) {
            LOG.warn("cluster: room {} has a new epoch {} (was {}) at {}: Redis lost the room's stream before it",
                    entry.room(), entry.epoch(), epoch, entry.logId());
        }
        epoch = entry.epoch();
    }
}
