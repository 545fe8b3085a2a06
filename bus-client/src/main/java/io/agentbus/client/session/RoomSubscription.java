package io.agentbus.client.session;

import io.agentbus.client.JoinOptions;
import io.agentbus.client.Joined;
import io.agentbus.client.error.AgentBusException;
import io.agentbus.protocol.frame.Join;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A room the application joined: how, which offsets it has been handed, and the join futures
 * waiting for the next {@code ok}. Rejoined after every reconnect with {@code since} = the
 * contiguous offset. Used on the client's event loop only.
 */
final class RoomSubscription {
    final String room;
    final OffsetTracker tracker = new OffsetTracker();
    final List<CompletableFuture<Joined>> waiters = new ArrayList<>(1);
    JoinOptions options;

    RoomSubscription(String room, JoinOptions options) {
        this.room = room;
        this.options = options;
    }

    /** The join frame for the next attempt: resume after what was handed over, else as asked. */
    Join joinFrame(String rid) {
        long since = tracker.isAnchored() ? tracker.contiguous() : options.since();
        return new Join(rid, room, options.role(), options.weight(), since, options.echo());
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
