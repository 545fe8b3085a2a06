package io.agentbus.server.cluster;

import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Handlers;
import io.agentbus.server.decision.Decision;
import io.agentbus.server.decision.DecisionHandler;
import java.util.List;
import java.util.Set;

/** What Lettuce's threads hand back to the sequencer thread, each run there against {@link ClusterRooms}. */
final class ClusterCommands {
    private ClusterCommands() {
    }

    /** Redis answered the script that orders publish {@code seq}: {offset, epoch}, or a failure. */
    record Ordered(ClusterRooms rooms, String room, long seq, List<Object> result, Throwable failure)
            implements Command {
        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public void run(Handlers h) {
            rooms.ordered(room, seq, result, failure);
        }
    }

    /** A message some node ordered came on the nodes' channel. */
    record Arrived(ClusterRooms rooms, LogEntry entry) implements Command {
        /** A message may join a group commit; an event first has what is held committed, as any request. */
        @Override
        public boolean isMessage() {
            return entry instanceof ClusterEntry;
        }

        @Override
        public void run(Handlers h) {
            rooms.take(entry);
        }
    }

    /** Entries of a room up to before {@code before} (or its end), read from its stream (or the failure to). */
    record Read(ClusterRooms rooms, String room, LogId before, List<LogEntry> entries,
                Throwable failure) implements Command {
        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public void run(Handlers h) {
            rooms.read(room, before, entries, failure);
        }
    }

    /** Whether an own entry Redis appended at {@code id} for request {@code seq} has arrived; read it if not. */
    record Check(ClusterRooms rooms, String room, LogId id, long seq, boolean event) implements Command {
        @Override
        public void run(Handlers h) {
            rooms.check(room, id, seq, event);
        }
    }

    /** Tell Redis this node's high-water mark of a room (attempt {@code attempt}). */
    record Raise(ClusterRooms rooms, String room, int attempt) implements Command {
        @Override
        public void run(Handlers h) {
            rooms.raise(room, attempt);
        }
    }

    /** The subscription is (again) in place: read what every room may have missed. */
    record CatchUp(ClusterRooms rooms) implements Command {
        @Override
        public void run(Handlers h) {
            rooms.catchUp();
        }
    }

    /** Redis appended (or failed to append) an event; {@code seq} is the request's, 0 for none. */
    record Appended(RoomEvents events, String room, long seq, List<Object> result, Throwable failure)
            implements Command {
        @Override
        public void run(Handlers h) {
            events.appended(room, seq, result, failure);
        }
    }

    /** A decision's expiry could not be appended: its deadline is watched again. */
    record Rewatch(DecisionHandler decisions, Decision decision) implements Command {
        @Override
        public void run(Handlers h) {
            decisions.watch(decision);
        }
    }

    /** The rooms' list in Redis (or the failure to read it), for a node that starts. */
    record Rooms(RoomEvents events, Set<String> ids, Throwable failure) implements Command {
        @Override
        public void run(Handlers h) {
            events.loadSnapshots(ids, failure);
        }
    }

    /** A room's members snapshot (or the failure to read it). */
    record Snapshot(RoomEvents events, String room, List<Object> result, Throwable failure) implements Command {
        @Override
        public void run(Handlers h) {
            events.snapshot(room, result, failure);
        }
    }

    /** Time to answer the requests that waited too long. */
    record Sweep(ClusterRooms rooms) implements Command {
        @Override
        public void run(Handlers h) {
            rooms.sweep();
        }
    }

    /** Time to look for nodes whose heartbeat expired. */
    record Liveness(NodeLiveness liveness) implements Command {
        @Override
        public void run(Handlers h) {
            liveness.check();
        }
    }

    /** {@code node}'s heartbeat expired: its members are removed. */
    record Reap(NodeLiveness liveness, String node) implements Command {
        @Override
        public void run(Handlers h) {
            liveness.reap(node);
        }
    }
}
