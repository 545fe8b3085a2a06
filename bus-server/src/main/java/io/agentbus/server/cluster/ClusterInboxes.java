package io.agentbus.server.cluster;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.Send;
import io.agentbus.server.inbox.Inbox;
import io.agentbus.server.inbox.InboxHandler;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.InboxCursor;
import io.agentbus.server.journal.JournalUnavailableException;
import io.agentbus.server.room.PublishHandler;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.session.Session;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages in cluster mode. A {@code send} is ordered in Redis, in its recipient's inbox log
 * ({@link InboxLink}), like a room message in its room's; every node applies each inbox's entries
 * strictly in offset order (reading gaps from the stream), journals them into its own copy of the
 * inbox and writes them to the recipient's sessions connected to it; the sender's node answers
 * {@code ok} when it applies the message. So a recipient finds its inbox on whichever node it
 * connects to. A node that moves a client's written cursor shares it through Redis; every node
 * keeps the highest (never beyond the messages it holds) and journals it. A session that says
 * {@code hello} gets its welcome and catch-up once this node holds the inbox up to what Redis had ordered at
 * that moment and knows the shared cursor; until then live messages of its inbox are not written
 * to it (the catch-up brings them, in order). Every method but the subscriber's runs on the
 * sequencer thread.
 */
public final class ClusterInboxes implements LogChannel.Subscriber<InboxNews> {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterInboxes.class);
    /** Messages read from an inbox's stream at once. */
    private static final int READ_PAGE = 1000;
    /** How often a high-water mark is sent while Redis does not take it, spread over the settle time. */
    private static final int RAISE_ATTEMPTS = 10;

    private final InboxLink link;
    private final String node;
    private final int maxPending;
    private final long timeoutMs;
    private final long dedupWindowMs;
    private final Map<Long, PendingSend> pending = new HashMap<>();
    private final PendingAges ages = new PendingAges();
    private final Map<String, InboxArrivals> arrivals = new HashMap<>();
    private final Set<Session> catchingUp = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Clients whose cursor did not reach Redis: written again at the next sweep or catch-up. */
    private final Set<String> unshared = new HashSet<>();
    private long lastSeq;
    private BusState state;
    private Journal journal;
    private InboxHandler handler;
    private Sequencer sequencer;

    /**
     * @param maxPending    sends that may wait for Redis at once before more get {@code overloaded}
     * @param dedupWindowMs how long Redis keeps a message id ({@code dedup.window.ms}); 0: not at all
     */
    ClusterInboxes(InboxLink link, String node, int maxPending, long timeoutMs, long dedupWindowMs) {
        this.link = link;
        this.node = node;
        this.maxPending = maxPending;
        this.timeoutMs = timeoutMs;
        this.dedupWindowMs = dedupWindowMs;
    }

    /**
     * Hands {@code handler}'s sends, hellos and cursor moves to the cluster and subscribes to the
     * inboxes' channel; what arrives waits in the sequencer's queue until it runs.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached now
     */
    public void start(BusState state, Journal journal, InboxHandler handler, Sequencer sequencer) {
        this.state = state;
        this.journal = journal;
        this.handler = handler;
        this.sequencer = sequencer;
        handler.cluster(this);
        link.subscribe(this);
        sweepLater();
    }

    private void sweepLater() {
        try {
            link.schedule(() -> sequencer.submitInternal(new InboxCommands.Sweep(this)), timeoutMs);
        } catch (RuntimeException e) { // the link closes
            LOG.debug("cluster: no sweep scheduled", e);
        }
    }

    /** Answers the sends that waited {@link ClusterRooms#SWEEP_AFTER_TIMEOUTS} Redis timeouts: outcome unknown. */
    void sweep() {
        long waitedMs = ClusterRooms.SWEEP_AFTER_TIMEOUTS * timeoutMs;
        ages.sweep(System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(waitedMs), seq -> {
            PendingSend p = pending.remove(seq);
            if (p != null) {
                p.sender().send(new ErrorFrame(p.send().rid(), ErrorCode.OVERLOADED,
                        PendingAges.unknown("the send", waitedMs)));
            }
        });
        shareAgain();
        sweepLater();
    }

    /** Writes again the cursors that did not reach Redis (unless a later move went meanwhile). */
    private void shareAgain() {
        if (unshared.isEmpty()) {
            return;
        }
        List<String> clients = new ArrayList<>(unshared);
        unshared.clear();
        for (String client : clients) {
            InboxArrivals a = arrivals.get(client);
            if (a != null && !a.publishing() && a.toPublish() > a.shared()) {
                share(client, a);
            }
        }
    }

    /** Has Redis order a direct message; {@link InboxHandler} has checked the local window and the inbox's room. */
    public void send(Session sender, Send send, long ts, long receivedNs) {
        if (pending.size() >= maxPending) {
            sender.send(new ErrorFrame(send.rid(), ErrorCode.OVERLOADED, "cluster: " + pending.size()
                    + " messages already wait for Redis at " + link.redis()));
            return;
        }
        long seq = ++lastSeq;
        pending.put(seq, new PendingSend(sender, send, receivedNs));
        ages.added(seq, System.nanoTime());
        String to = send.to();
        boolean once = send.id() != null && dedupWindowMs > 0;
        try {
            link.order(to, lastOffset(to), InboxCodec.payload(node, seq, sender.clientId(), send, ts),
                            once ? ClusterDedup.key(InboxLink.tag(to), sender.clientId(), send.id()) : null,
                            once ? dedupWindowMs : 0)
                    .whenComplete((result, failure) ->
                            sequencer.submitInternal(new InboxCommands.Ordered(this, to, seq, result, failure)));
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            refuse(seq, e);
        }
    }

    /**
     * Redis ordered (or failed to order, or recognised as a duplicate) send {@code seq}. While the
     * inbox recovers from a loss of its data ({@link LogRecovery}) nothing was ordered: refused. An
     * offset this node's copy already holds for another message (Redis numbered from a stale
     * floor) will never be applied: refused too, rather than left unanswered.
     */
    void ordered(String to, long seq, List<Object> result, Throwable failure) {
        if (failure != null) {
            refuse(seq, failure);
            return;
        }
        if (ClusterDedup.isDuplicate(result)) {
            PendingSend p = pending.remove(seq);
            if (p != null) {
                handler.duplicate(p.sender(), p.send(), ClusterDedup.original(result), p.receivedNs());
            }
            return;
        }
        if (LogRecovery.isRecovering(result)) {
            long waitMs = LogRecovery.waitMs(result);
            refuse(seq, LogRecovery.refusal("the inbox of " + to, waitMs), waitMs);
            return;
        }
        long offset = (Long) result.get(0);
        if (!pending.containsKey(seq)) {
            return;
        }
        if (lastOffset(to) >= offset) {
            refuseTaken(seq, to, offset);
            return;
        }
        checkLater(to, offset, seq);
    }

    private void checkLater(String to, long offset, long seq) {
        link.schedule(() -> sequencer.submitInternal(new InboxCommands.Check(this, to, offset, seq)), timeoutMs);
    }

    private void refuse(long seq, Throwable failure) {
        refuse(seq, RedisFailure.message(link.redis(), "the message", "is not acknowledged", failure),
                ErrorFrame.NO_RETRY_AFTER);
    }

    /** Send {@code seq} was numbered {@code offset}, which this node's copy of the inbox holds for another message. */
    private void refuseTaken(long seq, String to, long offset) {
        refuse(seq, "cluster: Redis at " + link.redis() + " numbered the message " + offset + " in the inbox of " + to
                + ", an offset another message has here (Redis lost the inbox's data); not acknowledged",
                ErrorFrame.NO_RETRY_AFTER);
    }

    private void refuse(long seq, String message, long retryAfterMs) {
        PendingSend p = pending.remove(seq);
        if (p != null) {
            p.sender().send(new ErrorFrame(p.send().rid(), ErrorCode.OVERLOADED, message, retryAfterMs));
        }
    }

    @Override
    public void arrived(InboxNews news) {
        sequencer.submitInternal(new InboxCommands.Arrived(this, news));
    }

    @Override
    public void subscribed() {
        sequencer.submitInternal(new InboxCommands.CatchUp(this));
    }

    @Override
    public void recovering(String client) {
        LOG.warn("cluster: Redis lost the inbox of {}: nothing is numbered in it for {} ms while the nodes report"
                + " how far they hold it", client, LogRecovery.SETTLE_MS);
        sequencer.submitInternal(new InboxCommands.Raise(this, client, 1));
    }

    /**
     * Tells Redis this node's high-water mark of the inbox (what its copy holds, or holds to
     * apply), so that an inbox Redis lost is numbered on above it ({@link LogRecovery}); tried
     * again a few times while Redis does not take it, through the barrier's settle time.
     */
    void raise(String client, int attempt) {
        InboxArrivals a = arrivals.get(client);
        long highWater = Math.max(lastOffset(client), a == null ? 0 : a.highestHeld());
        if (highWater == 0) {
            return;
        }
        try {
            link.raise(client, highWater).whenComplete((started, failure) -> {
                if (failure != null && attempt < RAISE_ATTEMPTS) {
                    link.schedule(() -> sequencer.submitInternal(new InboxCommands.Raise(this, client, attempt + 1)),
                            LogRecovery.SETTLE_MS / RAISE_ATTEMPTS);
                } else if (failure != null) {
                    LOG.warn("cluster: the inbox of {}'s high-water mark {} did not reach Redis: {}", client,
                            highWater, failure.getMessage());
                }
            });
        } catch (RuntimeException e) { // Lettuce fails the future; this is in case it throws instead
            LOG.warn("cluster: the inbox of {}'s high-water mark {} did not reach Redis: {}", client, highWater,
                    e.getMessage());
        }
    }

    /** Applies a message in its turn (holding it while an earlier one is missing), or a shared cursor. */
    void take(InboxNews news) {
        if (news instanceof CursorMove move) {
            if (lastOffset(move.to()) > 0 || arrivals.containsKey(move.to())) { // no entry for an empty inbox
                InboxArrivals a = arrivals(move.to());
                a.shared(move.writtenUpTo());
                advanceCursor(move.to(), a);
            }
            return;
        }
        InboxArrivals a = arrivals(news.to());
        InboxEntry entry = (InboxEntry) news;
        long last = lastOffset(entry.to());
        if (entry.offset() <= last) {
            return;
        }
        if (entry.offset() > last + 1) {
            a.hold(entry);
            read(entry.to(), a, entry.offset() - 1);
            return;
        }
        apply(a, entry);
        applyHeld(entry.to(), a);
        settle(entry.to(), a);
    }

    private void applyHeld(String to, InboxArrivals a) {
        for (InboxEntry e = a.firstHeld(); e != null && e.offset() <= lastOffset(to) + 1; e = a.firstHeld()) {
            a.release(e);
            if (e.offset() == lastOffset(to) + 1) {
                apply(a, e);
            }
        }
    }

    /** Journals, acknowledges (when it is this node's) and delivers one direct message. */
    private void apply(InboxArrivals a, InboxEntry entry) {
        a.epoch(entry);
        PendingSend p = node.equals(entry.node()) ? pending.remove(entry.seq()) : null;
        try {
            if (p == null) {
                handler.ordered(entry.toMsg(), null, null, PublishHandler.NOT_TIMED, catchingUp);
            } else {
                handler.ordered(entry.toMsg(), p.sender(), p.send().rid(), p.receivedNs(), catchingUp);
            }
        } catch (JournalUnavailableException e) {
            LOG.warn("cluster: inbox of {} offset {} not journaled here: {}", entry.to(), entry.offset(),
                    e.getMessage());
            if (p != null) {
                p.sender().send(new ErrorFrame(p.send().rid(), e.code(), e.getMessage()));
            }
            return;
        }
        advanceCursor(entry.to(), a);
    }

    /** Reads the inbox's stream from the offset after its last up to at least {@code upTo}, unless a read is under way. */
    private void read(String to, InboxArrivals a, long upTo) {
        a.want(upTo);
        long first = lastOffset(to) + 1;
        if (a.reading() || first > a.want()) {
            return;
        }
        a.reading(true);
        long last = a.want();
        link.range(to, first, last, READ_PAGE).whenComplete((entries, failure) ->
                sequencer.submitInternal(new InboxCommands.Read(this, to, last, entries, failure)));
    }

    /** Messages read from an inbox's stream: what Redis no longer has is skipped, the rest applied in turn. */
    void read(String to, long last, List<InboxEntry> entries, Throwable failure) {
        InboxArrivals a = arrivals(to);
        a.reading(false);
        if (failure != null) {
            LOG.warn("cluster: could not read the inbox of {} in Redis: {}", to, failure.getMessage());
            finishRead(to, a);
            if (a.firstHeld() != null || !pending.isEmpty()) { // read again: something waits for it
                link.schedule(() -> sequencer.submitInternal(new InboxCommands.Check(this, to, last, 0)), timeoutMs);
            }
            return;
        }
        long before = lastOffset(to);
        for (InboxEntry e : entries) {
            if (e.offset() > lastOffset(to) + 1) {
                skipMissing(to, e.offset() - 1);
            }
            if (e.offset() == lastOffset(to) + 1) {
                apply(a, e);
            }
        }
        boolean allApplied = entries.isEmpty() || lastOffset(to) >= entries.get(entries.size() - 1).offset();
        if (allApplied && entries.size() < READ_PAGE && lastOffset(to) < last && last != Long.MAX_VALUE) {
            skipMissing(to, last);
        }
        applyHeld(to, a);
        InboxEntry held = a.firstHeld();
        if (lastOffset(to) == before) {
            finishRead(to, a); // nothing applied (the journal refuses appends): the next arrival tries again
        } else if (lastOffset(to) < a.want() || held != null && held.offset() > lastOffset(to) + 1) {
            read(to, a, held == null ? a.want() : held.offset() - 1);
            settle(to, a);
        } else {
            finishRead(to, a);
        }
    }

    private void finishRead(String to, InboxArrivals a) {
        a.want(0);
        settle(to, a);
        forgetIfIdle(to, a);
    }

    /** Drops the entry of an inbox that has no message here once nothing is under way for it. */
    private void forgetIfIdle(String client, InboxArrivals a) {
        if (a.idle() && lastOffset(client) == 0) {
            arrivals.remove(client, a);
        }
    }

    /**
     * Redis has none of the inbox's messages up to {@code lastMissing}: its stream was trimmed or
     * lost. The cursor passes over them (they will never be written), so it can move on.
     */
    private void skipMissing(String to, long lastMissing) {
        if (lastMissing <= lastOffset(to)) {
            return;
        }
        LOG.error("cluster: the inbox of {} offsets {}..{} are not in Redis any more (trimmed or lost); skipped here",
                to, lastOffset(to) + 1, lastMissing);
        InboxCursor mark = new InboxCursor(to, lastMissing);
        try {
            state.apply(mark, journal.append(mark));
        } catch (JournalUnavailableException e) {
            LOG.warn("cluster: the skip of the inbox of {} to offset {} not journaled here: {}", to, lastMissing,
                    e.getMessage());
        }
    }

    /**
     * Own send {@code seq}, which Redis ordered at {@code offset}, should have arrived by now: read
     * it if not, and check again while it waits. When this node's copy holds the offset without
     * it (another message took the place: Redis lost the inbox's data), the send is refused.
     */
    void check(String to, long offset, long seq) {
        if (lastOffset(to) >= offset) {
            refuseTaken(seq, to, offset);
            return;
        }
        read(to, arrivals(to), offset);
        if (pending.containsKey(seq)) {
            checkLater(to, offset, seq);
        }
    }

    /** Reads what every inbox this node knows may have missed while it was not subscribed. */
    void catchUp() {
        shareAgain();
        for (String client : state.inboxes().keySet()) {
            raise(client, 1);
            read(client, arrivals(client), Long.MAX_VALUE);
        }
    }

    /**
     * A registered session said {@code hello}: its welcome and catch-up wait until this node has
     * the shared cursor and holds the inbox up to what Redis had ordered (or Redis cannot tell:
     * then they come at once, from this node's copy).
     */
    public void hello(Session session, Hello hello) {
        catchingUp.add(session);
        try {
            link.state(session.clientId()).whenComplete((result, failure) ->
                    sequencer.submitInternal(new InboxCommands.HelloState(this, session, hello, result, failure)));
        } catch (RuntimeException e) {
            helloState(session, hello, null, e);
        }
    }

    /** Redis answered a hello's question: {shared cursor, last ordered offset}, or failed to. */
    void helloState(Session session, Hello hello, List<Long> result, Throwable failure) {
        String client = session.clientId();
        if (failure != null) {
            LOG.warn("cluster: Redis at {} cannot tell the inbox state of {} ({}); its catch-up comes from this"
                    + " node's copy", link.redis(), client, failure.getMessage());
            finish(new HelloWait(session, hello, 0));
            return;
        }
        InboxArrivals a = arrivals(client);
        a.shared(result.get(0));
        advanceCursor(client, a);
        HelloWait wait = new HelloWait(session, hello, result.get(1));
        if (lastOffset(client) >= wait.target()) {
            forgetIfIdle(client, a);
            finish(wait);
            return;
        }
        a.addWaiting(wait);
        read(client, a, wait.target());
        settle(client, a);
    }

    /**
     * Finishes the catch-ups that wait no longer (their inbox is there, or no read is under way any
     * more) through the sequencer's queue: not being a message, that command first acknowledges
     * and delivers what the group commit holds, as a hello does on a single node, so the catch-up
     * neither runs ahead of the sync nor repeats a message delivered after it.
     */
    private void settle(String client, InboxArrivals a) {
        if (a.waiting().isEmpty()) {
            return;
        }
        long last = lastOffset(client);
        for (Iterator<HelloWait> it = a.waiting().iterator(); it.hasNext(); ) {
            HelloWait hello = it.next();
            if (last >= hello.target() || !a.reading()) {
                it.remove();
                sequencer.submitInternal(new InboxCommands.Welcome(this, hello));
            }
        }
    }

    /** Welcomes a session whose catch-up waited, and sends it its inbox (unless it has gone meanwhile). */
    void finish(HelloWait hello) {
        Session session = hello.session();
        catchingUp.remove(session);
        if (state.sessionsOf(session.clientId()).contains(session)) {
            handler.welcome(session, hello.hello());
        }
    }

    /** This node moved {@code client}'s written cursor: it goes to Redis (one write at a time per client). */
    public void cursorMoved(String client, long writtenUpTo) {
        InboxArrivals a = arrivals(client);
        if (writtenUpTo <= a.shared()) {
            return;
        }
        a.toPublish(writtenUpTo);
        if (!a.publishing()) {
            share(client, a);
        }
    }

    private void share(String client, InboxArrivals a) {
        long cursor = a.toPublish();
        a.publishing(true);
        try {
            link.cursor(client, cursor).whenComplete((known, failure) ->
                    sequencer.submitInternal(new InboxCommands.CursorShared(this, client, cursor, failure)));
        } catch (RuntimeException e) {
            cursorShared(client, cursor, e);
        }
    }

    /** Redis took (or did not) this node's cursor; a later move waiting meanwhile goes now. */
    void cursorShared(String client, long writtenUpTo, Throwable failure) {
        InboxArrivals a = arrivals(client);
        a.publishing(false);
        if (failure != null) {
            LOG.debug("cluster: the cursor {} of {} did not reach Redis: {}", writtenUpTo, client, failure.getMessage());
            unshared.add(client); // the next move, sweep or catch-up tries again
            return;
        }
        a.shared(writtenUpTo);
        if (a.toPublish() > a.shared()) {
            share(client, a);
        }
        forgetIfIdle(client, a);
    }

    /** Moves this node's cursor up to the shared one, never beyond the messages it holds. */
    private void advanceCursor(String client, InboxArrivals a) {
        Inbox inbox = state.inbox(client);
        if (inbox == null) {
            return;
        }
        long cursor = Math.min(a.shared(), inbox.lastOffset());
        if (cursor <= inbox.writtenUpTo()) {
            return;
        }
        InboxCursor record = new InboxCursor(client, cursor);
        try {
            state.apply(record, journal.append(record));
        } catch (JournalUnavailableException e) {
            LOG.warn("cluster: the shared cursor {} of {} not journaled here: {}", cursor, client, e.getMessage());
        }
    }

    private long lastOffset(String client) {
        Inbox inbox = state.inbox(client);
        return inbox == null ? 0 : inbox.lastOffset();
    }

    private InboxArrivals arrivals(String client) {
        return arrivals.computeIfAbsent(client, c -> new InboxArrivals());
    }
}
