package io.agentbus.server.inbox;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.Welcome;
import io.agentbus.server.cluster.ClusterInboxes;
import io.agentbus.server.dedup.MessageKey;
import io.agentbus.server.dedup.RecentIds;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.delivery.InboxFrame;
import io.agentbus.server.journal.GroupCommit;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.journal.JournalRecord.DirectMessage;
import io.agentbus.server.journal.JournalRecord.InboxCursor;
import io.agentbus.server.metrics.BusMetrics;
import io.agentbus.server.room.PublishHandler;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.session.Session;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Set;
import org.agrona.concurrent.EpochClock;

/**
 * {@code hello} (register the session, welcome it, send what its inbox holds), {@code send}
 * (drop a repeated message id, else journal a direct message and deliver it to every connected
 * session of the recipient) and the inbox cursor that moves as messages are written. In cluster
 * mode {@link ClusterInboxes} orders the sends, answers the hellos and shares the cursor; the
 * messages it ordered come back through {@link #ordered}.
 */
public final class InboxHandler {
    private static final String DIRECT_CHANNEL = "main";

    private final BusState state;
    private final Journal journal;
    private final FrameEncoder encoder;
    private final EpochClock clock;
    private final String serverName;
    private final long heartbeatMs;
    private final RecentIds recentIds;
    private final GroupCommit commit;
    private final BusMetrics metrics;
    private final int maxPending;
    /** Orders sends, serves hellos and shares cursors in cluster mode; {@code null} on a single node. */
    private ClusterInboxes cluster;

    /** @param maxPending direct messages that may wait for one recipient; a {@code send} beyond is refused */
    public InboxHandler(BusState state, Journal journal, FrameEncoder encoder, EpochClock clock, String serverName,
                        long heartbeatMs, RecentIds recentIds, GroupCommit commit, BusMetrics metrics,
                        int maxPending) {
        this.metrics = metrics;
        this.maxPending = maxPending;
        this.state = state;
        this.journal = journal;
        this.encoder = encoder;
        this.clock = clock;
        this.serverName = serverName;
        this.heartbeatMs = heartbeatMs;
        this.recentIds = recentIds;
        this.commit = commit;
    }

    /** Cluster mode: sends, hellos and cursor moves go through {@code cluster} from now on. */
    public void cluster(ClusterInboxes cluster) {
        this.cluster = cluster;
    }

    /** Registers the session; welcomes it and sends what its inbox holds (in cluster mode once the cluster is asked). */
    public void hello(Session session, Hello hello) {
        state.addSession(session);
        if (cluster != null) {
            cluster.hello(session, hello);
            return;
        }
        welcome(session, hello);
    }

    /**
     * Welcomes a registered session, then sends it its inbox after the hello's {@code inbox_since},
     * or after the client's written cursor without it.
     */
    public void welcome(Session session, Hello hello) {
        session.send(new Welcome(hello.rid(), session.clientId(), session.id(), serverName, heartbeatMs));
        Inbox inbox = state.inbox(session.clientId());
        if (inbox != null) {
            long from = hello.inboxSince() == Hello.NO_INBOX_SINCE ? inbox.writtenUpTo() : hello.inboxSince();
            catchUp(session, inbox, from);
        }
    }

    /**
     * A {@code send} whose {@code id} the sender already used towards this recipient within the
     * window is not sent again: it is acknowledged with the original's inbox offset, marked
     * duplicate. With {@code ack-after-sync} the {@code ok} and the delivery wait for the batch's
     * sync ({@link GroupCommit}).
     *
     * @param receivedNs when the {@code send} was decoded, for the publish→ack latency
     */
    public void send(Session sender, Send send, long receivedNs) {
        long ts = clock.time();
        MessageKey key = send.id() == null ? null : MessageKey.direct(sender.clientId(), send.to(), send.id());
        long original = recentIds.offsetOf(key, ts);
        if (original != RecentIds.NOT_SEEN) {
            duplicate(sender, send, original, receivedNs);
            return;
        }
        Inbox inbox = state.inboxOrCreate(send.to());
        if (inbox.pending() >= maxPending) {
            sender.send(new ErrorFrame(send.rid(), ErrorCode.OVERLOADED, "the inbox of '" + send.to() + "' holds "
                    + inbox.pending() + " messages not yet delivered, the most it may (max.inbox.pending): send again"
                    + " once '" + send.to() + "' has read them"));
            return;
        }
        if (cluster != null) {
            cluster.send(sender, send, ts, receivedNs);
            return;
        }
        long offset = inbox.lastOffset() + 1;
        byte[] json = append(sender, send, offset, ts);
        recentIds.remember(key, offset, ts);
        metrics.directMessageIn();
        Ok ok = new Ok(send.rid(), null, offset, null, null, null);
        if (commit.holdsAcks()) {
            commit.whenDurable(new HeldSend(this, sender, send, ok, json, receivedNs));
        } else {
            acknowledgeAndDeliver(sender, send, ok, json, receivedNs);
        }
    }

    /**
     * Answers a repeated message id with the original's inbox {@code offset}, marked duplicate,
     * behind the acknowledgements the group commit holds: nothing is journaled or delivered.
     */
    public void duplicate(Session sender, Send send, long offset, long receivedNs) {
        commit.afterHeld(new HeldSend(this, sender, send, Ok.duplicate(send.rid(), null, offset), null, receivedNs));
    }

    /**
     * Cluster mode: journals a direct message the cluster ordered at {@code msg.offset()}, the
     * recipient's next, remembers its id, then (at once, or after the group commit's sync)
     * acknowledges it when this node's {@code sender} waits for it ({@code null} when another node
     * sent it) and delivers it to the recipient's sessions here, except those in {@code catchingUp}
     * (their catch-up will bring it).
     */
    public void ordered(Msg msg, Session sender, String rid, long receivedNs, Set<Session> catchingUp) {
        byte[] json = encoder.toBytes(msg);
        DirectMessage record = new DirectMessage(msg.to(), msg.offset(), msg.ts(), json);
        state.apply(record, journal.append(record));
        recentIds.remember(msg.id() == null ? null : MessageKey.direct(msg.from(), msg.to(), msg.id()), msg.offset(),
                msg.ts());
        metrics.directMessageIn();
        Ok ok = sender == null ? null : new Ok(rid, null, msg.offset(), null, null, null);
        HeldOrdered held = new HeldOrdered(this, sender, ok, msg, json, receivedNs, catchingUp);
        if (commit.holdsAcks()) {
            commit.whenDurable(held);
        } else {
            held.onDurable();
        }
    }

    /** A direct message the cluster ordered, waiting for the journal sync (or not, without {@code ack-after-sync}). */
    private record HeldOrdered(InboxHandler handler, Session sender, Ok ok, Msg msg, byte[] json, long receivedNs,
                               Set<Session> catchingUp) implements GroupCommit.Durable {
        @Override
        public void onDurable() {
            long nowNs = System.nanoTime();
            if (sender != null) {
                sender.send(ok);
                if (receivedNs != PublishHandler.NOT_TIMED) {
                    handler.metrics.publishAck().record(nowNs - receivedNs);
                }
            }
            handler.deliver(msg.to(), msg.priority(), msg.offset(), json, nowNs, catchingUp);
        }

        @Override
        public void onSyncFailed(Exception failure) {
            if (sender != null) {
                sender.send(new ErrorFrame(ok.rid(), ErrorCode.INTERNAL, "the journal could not be synced to disk ("
                        + failure.getMessage() + "): inbox offset " + ok.offset() + " may not survive a power loss"));
            }
            handler.deliver(msg.to(), msg.priority(), msg.offset(), json, System.nanoTime(), catchingUp);
        }
    }

    /** Acknowledges, then (unless {@code json} is {@code null}: a duplicate) delivers; one clock read for both. */
    private void acknowledgeAndDeliver(Session sender, Send send, Ok ok, byte[] json, long receivedNs) {
        long nowNs = System.nanoTime();
        sender.send(ok);
        metrics.publishAck().record(nowNs - receivedNs);
        if (json != null) {
            deliver(send, ok.offset(), json, nowNs);
        }
    }

    /** A direct message (or a duplicate's answer, without {@code json}) waiting for the journal sync. */
    private record HeldSend(InboxHandler handler, Session sender, Send send, Ok ok, byte[] json, long receivedNs)
            implements GroupCommit.Durable {
        @Override
        public void onDurable() {
            handler.acknowledgeAndDeliver(sender, send, ok, json, receivedNs);
        }

        @Override
        public void onSyncFailed(Exception failure) {
            sender.send(new ErrorFrame(ok.rid(), ErrorCode.INTERNAL, "the journal could not be synced to disk ("
                    + failure.getMessage() + "): inbox offset " + ok.offset() + " may not survive a power loss"));
            if (json != null) {
                handler.deliver(send, ok.offset(), json, System.nanoTime());
            }
        }
    }

    /**
     * An inbox message reached the recipient's socket: journal the cursor if it moved. A recipient
     * too slow to take a direct message is closed (4008); the message stays in its inbox for the
     * next hello.
     */
    public void written(String client, long inboxOffset) {
        Inbox inbox = state.inbox(client);
        if (inbox != null && inbox.written(inboxOffset)) {
            InboxCursor record = new InboxCursor(client, inbox.writtenUpTo());
            state.apply(record, journal.append(record));
            if (cluster != null) {
                cluster.cursorMoved(client, inbox.writtenUpTo());
            }
        }
    }

    private void deliver(Send send, long offset, byte[] json, long nowNs) {
        List<Session> sessions = state.sessionsOf(send.to());
        if (sessions.isEmpty()) {
            return;
        }
        ByteBuf frame = encoder.wrapSequenced(json, nowNs);
        for (int i = 0; i < sessions.size(); i++) {
            offer(sessions.get(i), send.priority(), frame, send.to(), offset);
        }
        frame.release();
    }

    /** {@link #deliver(Send, long, byte[], long)}, but not to the sessions in {@code except}. */
    private void deliver(String to, Priority priority, long offset, byte[] json, long nowNs, Set<Session> except) {
        List<Session> sessions = state.sessionsOf(to);
        if (sessions.isEmpty()) {
            return;
        }
        ByteBuf frame = encoder.wrapSequenced(json, nowNs);
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            if (!except.contains(s)) {
                offer(s, priority, frame, to, offset);
            }
        }
        frame.release();
    }

    /** Offers {@code s} its own reference to {@code frame}; closes it if it is too slow to take it. */
    private void offer(Session s, Priority priority, ByteBuf frame, String to, long offset) {
        if (s.delivery().offer(priority, new InboxFrame(frame.retain(), to, offset))) {
            s.delivery().signal();
            metrics.directMessageOut();
        } else {
            frame.release();
            s.close(Session.CLOSE_SLOW_CONSUMER, "slow consumer");
        }
    }

    private void catchUp(Session session, Inbox inbox, long after) {
        for (long offset = Math.max(0, after) + 1; offset <= inbox.lastOffset(); offset++) {
            JournalRecord record = journal.read(inbox.journalIndexOf(offset));
            if (record instanceof DirectMessage m) {
                session.delivery().offerReplay(new InboxFrame(encoder.wrap(m.frame()), session.clientId(), offset));
            }
        }
        session.delivery().signal();
    }

    /** Journals the direct message at inbox {@code offset} and returns its encoded {@code msg} frame. */
    private byte[] append(Session sender, Send send, long offset, long ts) {
        byte[] json = encoder.toBytes(new Msg(null, send.to(), offset, sender.clientId(), DIRECT_CHANNEL,
                send.type(), send.priority(), ts, send.body(), send.id()));
        DirectMessage record = new DirectMessage(send.to(), offset, ts, json);
        state.apply(record, journal.append(record));
        return json;
    }
}
