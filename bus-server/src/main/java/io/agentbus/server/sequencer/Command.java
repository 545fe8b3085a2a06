package io.agentbus.server.sequencer;

import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.server.journal.JournalRecord.ArtifactStored;
import io.agentbus.server.session.Session;
import java.util.function.Consumer;

/** A request handed from an event loop (or the HTTP API) to the sequencer thread. */
public interface Command {
    /** Runs on the sequencer thread. */
    void run(Handlers handlers);

    /**
     * Whether this is a message ({@code pub}, {@code send}) whose acknowledgement the group commit
     * may hold. Any other command first commits what is held, so that it runs after those messages
     * are acknowledged and delivered, as it would without {@code ack-after-sync}.
     */
    default boolean isMessage() {
        return false;
    }

    /** A command that answers someone: if it fails unexpectedly, they get an {@code internal} error. */
    interface Request extends Command {
        Reply replyTo();

        String rid();
    }

    /** A message whose latency is measured from the moment its frame was decoded. */
    interface Timed {
        /** The {@link System#nanoTime()} at which the event loop (or HTTP handler) decoded it. */
        long receivedNs();
    }

    record SayHello(Session session, Hello hello) implements Request {
        @Override
        public Reply replyTo() {
            return session;
        }

        @Override
        public String rid() {
            return hello.rid();
        }

        @Override
        public void run(Handlers h) {
            h.inbox().hello(session, hello);
        }
    }

    record JoinRoom(Session session, Join join) implements Request {
        @Override
        public Reply replyTo() {
            return session;
        }

        @Override
        public String rid() {
            return join.rid();
        }

        @Override
        public void run(Handlers h) {
            h.membership().join(session, join);
        }
    }

    record LeaveRoom(Session session, Leave leave) implements Request {
        @Override
        public Reply replyTo() {
            return session;
        }

        @Override
        public String rid() {
            return leave.rid();
        }

        @Override
        public void run(Handlers h) {
            h.membership().leave(session, leave);
        }
    }

    /** A publish; {@code publisher} is {@code null} for REST. */
    record Publish(Reply reply, Session publisher, String from, Pub pub, long receivedNs) implements Request, Timed {
        /** Decoded just now. */
        public Publish(Reply reply, Session publisher, String from, Pub pub) {
            this(reply, publisher, from, pub, System.nanoTime());
        }

        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public Reply replyTo() {
            return reply;
        }

        @Override
        public String rid() {
            return pub.rid();
        }

        @Override
        public void run(Handlers h) {
            h.publish().publish(reply, publisher, from, pub, null, receivedNs);
        }
    }

    record ReadHistory(Reply reply, HistoryRequest request) implements Request {
        @Override
        public Reply replyTo() {
            return reply;
        }

        @Override
        public String rid() {
            return request.rid();
        }

        @Override
        public void run(Handlers h) {
            h.publish().history(reply, request);
        }
    }

    record SendDirect(Session session, Send send, long receivedNs) implements Request, Timed {
        /** Decoded just now. */
        public SendDirect(Session session, Send send) {
            this(session, send, System.nanoTime());
        }

        @Override
        public boolean isMessage() {
            return true;
        }

        @Override
        public Reply replyTo() {
            return session;
        }

        @Override
        public String rid() {
            return send.rid();
        }

        @Override
        public void run(Handlers h) {
            h.inbox().send(session, send, receivedNs);
        }
    }

    record OpenDecision(Session session, Propose propose) implements Request {
        @Override
        public Reply replyTo() {
            return session;
        }

        @Override
        public String rid() {
            return propose.rid();
        }

        @Override
        public void run(Handlers h) {
            h.decisions().propose(session, propose);
        }
    }

    record CastVote(Session session, Vote vote) implements Request {
        @Override
        public Reply replyTo() {
            return session;
        }

        @Override
        public String rid() {
            return vote.rid();
        }

        @Override
        public void run(Handlers h) {
            h.decisions().vote(session, vote);
        }
    }

    record Disconnect(Session session) implements Command {
        @Override
        public void run(Handlers h) {
            h.membership().disconnect(session);
            if (session.clientId() != null) {
                h.state().removeSession(session);
            }
        }
    }

    /** An artifact whose file is stored; {@code publisher} is {@code null} for REST. */
    record StoreArtifact(Reply reply, Session publisher, String from, String rid,
                         ArtifactStored artifact) implements Request {
        @Override
        public Reply replyTo() {
            return reply;
        }

        @Override
        public void run(Handlers h) {
            h.artifacts().stored(reply, publisher, from, rid, artifact);
        }
    }

    /** A message of the server into one of its system rooms ({@code $sys.stats}). */
    record PublishSystem(String room, String type, JsonValue body) implements Command {
        @Override
        public void run(Handlers h) {
            h.publish().publishSystem(room, type, body);
        }
    }

    record InboxWritten(String client, long inboxOffset) implements Command {
        @Override
        public void run(Handlers h) {
            h.inbox().written(client, inboxOffset);
        }
    }

    /** Reads state on the sequencer thread (REST reads, shutdown); must not block. */
    record Inspect(Consumer<Handlers> action) implements Command {
        @Override
        public void run(Handlers h) {
            action.accept(h);
        }
    }
}
