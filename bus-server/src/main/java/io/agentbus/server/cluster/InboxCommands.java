package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.Hello;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Handlers;
import io.agentbus.server.session.Session;
import java.util.List;

/** What Lettuce's threads hand back to the sequencer thread, each run there against {@link ClusterInboxes}. */
final class InboxCommands {
    private InboxCommands() {
    }

    /** Redis answered the script that orders send {@code seq}: {offset, epoch}, a duplicate, or a failure. */
    record Ordered(ClusterInboxes inboxes, String to, long seq, List<Object> result, Throwable failure)
            implements Command {
        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public void run(Handlers h) {
            inboxes.ordered(to, seq, result, failure);
        }
    }

    /** A direct message or a cursor came on the inboxes' channel. */
    record Arrived(ClusterInboxes inboxes, InboxNews news) implements Command {
        @Override
        public boolean isMessage() {
            return news instanceof InboxEntry;
        }

        @Override
        public void run(Handlers h) {
            inboxes.take(news);
        }
    }

    /** Messages of {@code to}'s inbox from the one after this node's last up to {@code last}, read from its stream. */
    record Read(ClusterInboxes inboxes, String to, long last, List<InboxEntry> entries, Throwable failure)
            implements Command {
        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public void run(Handlers h) {
            inboxes.read(to, last, entries, failure);
        }
    }

    /** Whether own send {@code seq}, which Redis ordered at {@code offset}, has arrived; read it if not. */
    record Check(ClusterInboxes inboxes, String to, long offset, long seq) implements Command {
        @Override
        public void run(Handlers h) {
            inboxes.check(to, offset, seq);
        }
    }

    /** Tell Redis this node's high-water mark of an inbox (attempt {@code attempt}). */
    record Raise(ClusterInboxes inboxes, String client, int attempt) implements Command {
        @Override
        public void run(Handlers h) {
            inboxes.raise(client, attempt);
        }
    }

    /** The subscription is (again) in place: read what every known inbox may have missed. */
    record CatchUp(ClusterInboxes inboxes) implements Command {
        @Override
        public void run(Handlers h) {
            inboxes.catchUp();
        }
    }

    /** Redis's shared cursor and last inbox offset for a client that said hello, {cursor, last}. */
    record HelloState(ClusterInboxes inboxes, Session session, Hello hello, List<Long> state, Throwable failure)
            implements Command {
        @Override
        public void run(Handlers h) {
            inboxes.helloState(session, hello, state, failure);
        }
    }

    /** A session's welcome and catch-up wait no longer. */
    record Welcome(ClusterInboxes inboxes, HelloWait hello) implements Command {
        @Override
        public void run(Handlers h) {
            inboxes.finish(hello);
        }
    }

    /** Redis took (or failed to take) this node's cursor {@code writtenUpTo} for {@code client}. */
    record CursorShared(ClusterInboxes inboxes, String client, long writtenUpTo, Throwable failure)
            implements Command {
        @Override
        public void run(Handlers h) {
            inboxes.cursorShared(client, writtenUpTo, failure);
        }
    }

    /** Time to answer the sends that waited too long. */
    record Sweep(ClusterInboxes inboxes) implements Command {
        @Override
        public void run(Handlers h) {
            inboxes.sweep();
        }
    }
}
