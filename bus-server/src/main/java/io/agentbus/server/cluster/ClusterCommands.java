package io.agentbus.server.cluster;

import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Handlers;
import java.util.List;

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
    record Arrived(ClusterRooms rooms, ClusterEntry entry) implements Command {
        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public void run(Handlers h) {
            rooms.take(entry);
        }
    }

    /** Messages {@code first}..{@code last} of a room, read from its stream (or the failure to). */
    record Read(ClusterRooms rooms, String room, long first, long last, List<ClusterEntry> entries,
                Throwable failure) implements Command {
        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public void run(Handlers h) {
            rooms.read(room, first, last, entries, failure);
        }
    }

    /** Whether an own message Redis ordered at {@code offset} has arrived; read it if not. */
    record Check(ClusterRooms rooms, String room, long offset) implements Command {
        @Override
        public void run(Handlers h) {
            rooms.check(room, offset);
        }
    }

    /** The subscription is (again) in place: read what every room may have missed. */
    record CatchUp(ClusterRooms rooms) implements Command {
        @Override
        public void run(Handlers h) {
            rooms.catchUp();
        }
    }
}
