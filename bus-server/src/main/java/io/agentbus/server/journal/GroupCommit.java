package io.agentbus.server.journal;

import io.agentbus.server.config.Durability;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a journaled message may do only once its entry is durable: be acknowledged and delivered.
 * With {@code ack-after-append} that is at once. With {@code ack-after-sync} the sequencer holds
 * them here while it runs a batch of requests, then {@link #commit() commits}: one sync of the
 * journal for the whole batch, then every held acknowledgement and delivery in order (group
 * commit). Sequencer thread only.
 */
public final class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Journal journal;
    private final boolean syncBeforeAck;
    private List<Durable> held = new ArrayList<>();
    private List<Durable> running = new ArrayList<>();

    public GroupCommit(Journal journal, Durability durability) {
        this.journal = journal;
        this.syncBeforeAck = durability == Durability.ACK_AFTER_SYNC;
    }

    /** Runs {@code action} once what was appended so far is durable: now, or at the next commit. */
    public void whenDurable(Durable action) {
        if (syncBeforeAck) {
            held.add(action);
        } else {
            action.onDurable();
        }
    }

    /**
     * Runs {@code action} after what is held now (at once when nothing is held): for an answer that
     * needs no sync of its own, such as a duplicate's {@code ok}, but must not overtake one that does.
     */
    public void afterHeld(Durable action) {
        if (held.isEmpty()) {
            action.onDurable();
        } else {
            held.add(action);
        }
    }

    /** Whether acknowledgements wait for a commit ({@code ack-after-sync}). */
    public boolean holdsAcks() {
        return syncBeforeAck;
    }

    /** Whether actions wait for the next commit. */
    public boolean holding() {
        return !held.isEmpty();
    }

    /**
     * Syncs the journal if anything was appended since the last sync, then runs the held actions
     * in the order they came; if the sync fails, each is told instead. Cheap when nothing waits.
     *
     * @return how many held actions ran
     */
    public int commit() {
        if (!syncBeforeAck || !journal.unsynced() && held.isEmpty()) {
            return 0;
        }
        Exception failure = sync();
        List<Durable> actions = held;
        held = running;
        running = actions;
        int count = actions.size();
        for (int i = 0; i < count; i++) {
            run(actions.get(i), failure);
        }
        actions.clear();
        return count;
    }

    /** Runs one held action; one that fails is logged, the others still run (and run once). */
    private static void run(Durable action, Exception syncFailure) {
        try {
            if (syncFailure == null) {
                action.onDurable();
            } else {
                action.onSyncFailed(syncFailure);
            }
        } catch (RuntimeException e) {
            LOG.error("a held acknowledgement failed", e);
        }
    }

    private Exception sync() {
        try {
            journal.sync();
            return null;
        } catch (Exception e) { // Chronicle rethrows I/O errors unchecked
            LOG.error("journal sync failed; {} held acknowledgements answered with an error", held.size(), e);
            return e;
        }
    }

    /** An acknowledgement (and delivery) that waits for the journal to be durable. */
    public interface Durable {
        /** The entry is durable: acknowledge and deliver. */
        void onDurable();

        /** The sync failed: whether the entry survives a power loss is unknown; say so. */
        void onSyncFailed(Exception failure);
    }
}
