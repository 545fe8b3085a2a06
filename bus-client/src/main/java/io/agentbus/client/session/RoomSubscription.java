package io.agentbus.client.session;

import io.agentbus.client.HistoryLost;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.Joined;
import io.agentbus.client.error.AgentBusException;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Ok;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A room the application joined: how, which offsets it has been handed, the room's epoch (cluster
 * mode), and the join futures waiting for the next {@code ok}. Rejoined after every reconnect,
 * to whichever node, with {@code since} = the contiguous offset and the last epoch. Used on the
 * client's event loop only.
 */
final class RoomSubscription {
    final String room;
    final OffsetTracker tracker = new OffsetTracker();
    final List<CompletableFuture<Joined>> waiters = new ArrayList<>(1);
    JoinOptions options;
    /** The epoch the last join {@code ok} named, or {@code null}. */
    String epoch;
    private long sentSince = Join.NO_SINCE;
    private String sentEpoch;
    private long catchUpTo = -1;

    RoomSubscription(String room, JoinOptions options) {
        this.room = room;
        this.options = options;
    }

    /** The join frame for the next attempt: resume after what was handed over, else as asked. */
    Join joinFrame(String rid) {
        sentSince = tracker.isAnchored() ? tracker.contiguous() : options.since();
        sentEpoch = epoch != null ? epoch : options.epoch();
        return new Join(rid, room, options.role(), options.weight(), sentSince, options.echo(), sentEpoch);
    }

    /**
     * The server accepted a join ({@link #joined(long)}); remembers the epoch it named, and
     * returns what to tell the application if it said history after {@code since} is lost
     * ({@code "recovered":false}), else {@code null}.
     */
    HistoryLost joined(Ok ok) {
        if (tracker.isAnchored()) {
            catchUpTo = ok.offset();
        }
        joined(ok.offset());
        if (ok.epoch() != null) {
            epoch = ok.epoch();
        }
        return Boolean.FALSE.equals(ok.recovered()) ? new HistoryLost(room, sentSince, sentEpoch, ok.epoch()) : null;
    }

    /**
     * After a rejoin, the first message past the node's last offset at the {@code ok} comes after
     * the whole replay; if offsets up to that point are still missing, returns that last offset:
     * fetch the gap with {@code history}. Else, or when not waiting for that message, -1.
     */
    long gapBefore(long offset) {
        if (catchUpTo < 0 || offset <= catchUpTo) {
            return -1;
        }
        long upTo = catchUpTo;
        catchUpTo = -1;
        return tracker.contiguous() < upTo ? upTo : -1;
    }

    /**
     * The server accepted a join: fix where the sequence starts if this is the first one. A
     * {@code since} past the room's last offset replays nothing, and the next live message is
     * {@code lastOffset + 1}: the start is the lower of the two.
     */
    void joined(long lastOffset) {
        long since = options.since();
        tracker.anchor(since == Join.NO_SINCE ? lastOffset : Math.min(since, lastOffset));
    }

    void completeWaiters(Joined joined, Dispatcher dispatcher) {
        for (CompletableFuture<Joined> f : waiters) {
            dispatcher.complete(f, joined);
        }
        waiters.clear();
    }

    void failWaiters(AgentBusException cause, Dispatcher dispatcher) {
        for (CompletableFuture<Joined> f : waiters) {
            dispatcher.fail(f, cause);
        }
        waiters.clear();
    }
}
