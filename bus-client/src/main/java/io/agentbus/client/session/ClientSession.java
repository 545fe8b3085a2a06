package io.agentbus.client.session;

import io.agentbus.client.ClientOptions;
import io.agentbus.client.ConnectionEvent;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.HistoryLost;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.Joined;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.error.AgentBusException;
import io.agentbus.client.error.ClientClosedException;
import io.agentbus.client.error.ConnectionLostException;
import io.agentbus.client.error.RequestTimeoutException;
import io.agentbus.client.error.ServerErrorException;
import io.agentbus.client.transport.ConnectionHandler;
import io.agentbus.client.transport.Connector;
import io.agentbus.client.transport.WebSocketConnection;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Ping;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.protocol.frame.Welcome;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@code AgentBusClient}: one connection at a time, the requests waiting for
 * it or for their replies, the rooms joined and the offsets handed to the application, and the
 * reconnect loop, which moves to the next node (round robin) after each lost connection. Everything but the public entry points runs on one event loop, so the state
 * needs no locks; results reach the application through the {@link Dispatcher}.
 *
 * <p>After every {@code welcome} it rejoins each room with {@code since} = the room's contiguous
 * offset, then sends the requests that waited, publishes first sent before the disconnect
 * included (with their original ids, so the server drops any it had already stored).
 */
public final class ClientSession implements ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final int DEAD_AFTER_HEARTBEATS = 3;

    private final ClientOptions options;
    private final EventLoopGroup ownedGroup;
    private final EventLoop loop;
    private final NodeRotation<Connector> nodes;
    private final Dispatcher dispatcher;
    private final Listeners listeners;
    private final SplittableRandom random = new SplittableRandom();
    private final AtomicLong seqs = new AtomicLong();
    private final CompletableFuture<Void> firstWelcome = new CompletableFuture<>();

    private final Map<String, PendingRequest> inFlight = new HashMap<>();
    private final TreeMap<Long, PendingRequest> waiting = new TreeMap<>();
    private final Map<String, RoomSubscription> rooms = new LinkedHashMap<>();
    private final OffsetTracker inbox = new OffsetTracker();
    private WebSocketConnection connection;
    private boolean ready;
    private int failedAttempts;
    private long rids;
    private boolean flushScheduled;
    private ScheduledFuture<?> heartbeat;
    private volatile String lastFailure = "";
    private String abortReason;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile URI server;
    private volatile boolean closed;

    public ClientSession(ClientOptions options, Listeners listeners) {
        options.uris().forEach(Connector::requireServerUri);
        this.options = options;
        this.listeners = listeners;
        this.ownedGroup = options.eventLoopGroup() == null
                ? new NioEventLoopGroup(1, new DefaultThreadFactory("agentbus-client-io-" + options.clientId(), true))
                : null;
        this.loop = (ownedGroup != null ? ownedGroup : options.eventLoopGroup()).next();
        this.nodes = new NodeRotation<>(options.uris().stream().map(uri -> new Connector(uri, loop,
                options.maxFrameBytes(), (int) options.connectTimeout().toMillis())).toList());
        this.server = nodes.current().uri();
        this.dispatcher = new Dispatcher(options.callbackExecutor(), options.clientId());
        if (options.inboxSince() >= 0) {
            inbox.anchor(options.inboxSince());
        }
    }

    /** Starts connecting; the future completes at the first {@code welcome}. */
    public CompletableFuture<Void> start() {
        loop.execute(this::connect);
        return firstWelcome;
    }

    public ConnectionState state() {
        return state;
    }

    /** The node connected to, or to be tried next. */
    public URI server() {
        return server;
    }

    /** Why the last connection attempt failed or closed (empty if none did). */
    public String lastFailure() {
        return lastFailure;
    }

    /**
     * Sends a request when connected (at once, or after the next {@code welcome}); the future
     * completes on the callback executor with the reply, or fails with the server's error as a
     * typed exception, a timeout, a lost connection or the client's closing.
     *
     * @param onLoss what a connection lost after sending means for it
     * @param onSettled run once when the request settles either way (on the event loop, or at once
     *                  on the caller's thread when the client is closed), or {@code null}
     */
    public CompletableFuture<ServerFrame> request(String op, Function<String, ClientFrame> frame, LossPolicy onLoss,
                                                  Runnable onSettled) {
        CompletableFuture<ServerFrame> future = new CompletableFuture<>();
        if (closed) {
            settle(onSettled);
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: " + op + " not sent"));
        }
        PendingRequest p = new PendingRequest(seqs.incrementAndGet(), op, frame, onLoss,
                new FutureReply(future, onSettled));
        if (!runOnLoop(() -> submit(p))) {
            settle(onSettled);
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: " + op + " not sent"));
        }
        return future;
    }

    /** Joins {@code room}; the room is rejoined after every reconnect until {@link #leave}. */
    public CompletableFuture<Joined> join(String room, JoinOptions joinOptions) {
        CompletableFuture<Joined> future = new CompletableFuture<>();
        if (closed) {
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: join not sent"));
        }
        if (!runOnLoop(() -> joinOnLoop(room, joinOptions, future))) {
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: join not sent"));
        }
        return future;
    }

    /** Leaves {@code room}: no more of its messages are handed over, and it is not rejoined. */
    public CompletableFuture<ServerFrame> leave(String room) {
        CompletableFuture<ServerFrame> future = new CompletableFuture<>();
        if (closed) {
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: leave not sent"));
        }
        if (!runOnLoop(() -> leaveOnLoop(room, future))) {
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: leave not sent"));
        }
        return future;
    }

    /**
     * The contiguous offset handed over in {@code room}, or -1 if it is not joined, not yet
     * known, or the client is closed. Safe to call from a callback, also on the I/O thread.
     */
    public long contiguousOffset(String room) {
        return readOnLoop(() -> contiguousOnLoop(room), -1L);
    }

    /** The epoch the last join {@code ok} of {@code room} named, or {@code null}. */
    public String epoch(String room) {
        return readOnLoop(() -> epochOnLoop(room), null);
    }

    /** Reads session state on the event loop that owns it; {@code otherwise} when the loop is gone or takes over 5 s. */
    private <T> T readOnLoop(Supplier<T> read, T otherwise) {
        if (loop.inEventLoop()) {
            return read.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (!runOnLoop(() -> answer.complete(read.get()))) {
            return otherwise;
        }
        return answer.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> otherwise).join();
    }

    private String epochOnLoop(String room) {
        RoomSubscription sub = rooms.get(room);
        return sub == null ? null : sub.epoch;
    }

    private long contiguousOnLoop(String room) {
        RoomSubscription sub = rooms.get(room);
        return sub == null || !sub.tracker.isAnchored() ? -1L : sub.tracker.contiguous();
    }

    /** Runs {@code task} on the event loop; {@code false} if the loop no longer takes tasks. */
    private boolean runOnLoop(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Closes the connection (1000) and fails every pending request with {@link ClientClosedException}. */
    public void close() {
        if (loop.inEventLoop()) {
            shutdown(new ClientClosedException("the client was closed"));
        } else {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (runOnLoop(() -> {
                shutdown(new ClientClosedException("the client was closed"));
                done.complete(null);
            })) {
                done.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }
        if (ownedGroup != null) {
            ownedGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        dispatcher.close();
    }

    // ---- connection life, on the event loop ----

    private void connect() {
        if (closed) {
            return;
        }
        setState(ConnectionState.CONNECTING, "");
        Connector node = nodes.current();
        node.connect(this).addListener(f -> {
            if (!f.isSuccess()) {
                closed(null, "cannot connect to " + node.uri() + ": " + describe(f.cause()));
            }
        });
    }

    @Override
    public void opened(WebSocketConnection c) {
        if (closed) {
            c.close();
            return;
        }
        connection = c;
        PendingRequest hello = internal("hello", rid -> new Hello(rid, options.clientId(), options.token(),
                inboxSince()), new HelloReply(c));
        sendNow(hello);
        c.flush();
        loop.schedule(() -> welcomeTimedOut(c), options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private long inboxSince() {
        if (!inbox.isAnchored() && inbox.contiguous() >= 0) {
            inbox.anchor(inbox.contiguous());
        }
        return inbox.isAnchored() ? inbox.contiguous() : Hello.NO_INBOX_SINCE;
    }

    private void welcomeTimedOut(WebSocketConnection c) {
        if (connection == c && !ready) {
            abort(c, "no welcome within " + options.connectTimeout().toMillis() + " ms");
        }
    }

    private void welcomed(Welcome welcome) {
        ready = true;
        failedAttempts = 0;
        startHeartbeat(welcome.heartbeatMs());
        for (RoomSubscription sub : rooms.values()) {
            sendJoin(sub);
        }
        for (PendingRequest p : waiting.values()) {
            sendNow(p);
        }
        waiting.clear();
        connection.flush();
        setState(ConnectionState.CONNECTED, "");
        dispatcher.complete(firstWelcome, null);
    }

    private void helloRefused(WebSocketConnection c, ErrorFrame error) {
        if (error.code() == ErrorCode.OVERLOADED) {
            abort(c, "hello refused: " + error.message());
            return;
        }
        ServerErrorException cause = ServerErrorException.of(error);
        shutdown(new ClientClosedException("the server refused hello as '" + options.clientId() + "': "
                + cause.getMessage(), cause));
    }

    @Override
    public void closed(WebSocketConnection c, String reason) {
        if (connection != null && c != connection) {
            return;
        }
        if (abortReason != null) {
            reason = abortReason;
            abortReason = null;
        }
        connection = null;
        ready = false;
        stopHeartbeat();
        requeueInFlight(reason);
        if (closed) {
            return;
        }
        lastFailure = reason;
        failedAttempts++;
        long delayMs = options.reconnect().delayMs(failedAttempts, random);
        setState(ConnectionState.DISCONNECTED, reason);
        server = nodes.advance().uri();
        LOG.info("{}: {}; reconnecting to {} in {} ms (attempt {})", options.clientId(), reason, server, delayMs,
                failedAttempts);
        loop.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
    }

    private void requeueInFlight(String reason) {
        List<PendingRequest> lost = new ArrayList<>(inFlight.values());
        inFlight.clear();
        for (PendingRequest p : lost) {
            if (p.onLoss == LossPolicy.RESEND && !closed) {
                waiting.put(p.seq, p);
            } else {
                p.cancelTimeout();
                if (p.onLoss != LossPolicy.DROP) {
                    p.handler.fail(new ConnectionLostException(p.op + " was sent but the connection closed before"
                            + " its reply (" + reason + "); its outcome is unknown"));
                }
            }
        }
    }

    /** Closes {@code c} at once; {@code why} becomes the reason its closing reports. */
    private void abort(WebSocketConnection c, String why) {
        abortReason = why;
        c.abort();
    }

    private void shutdown(ClientClosedException cause) {
        if (closed) {
            return;
        }
        closed = true;
        stopHeartbeat();
        if (connection != null) {
            connection.close();
        }
        List<PendingRequest> all = new ArrayList<>(inFlight.values());
        all.addAll(waiting.values());
        inFlight.clear();
        waiting.clear();
        for (PendingRequest p : all) {
            p.cancelTimeout();
            if (p.onLoss != LossPolicy.DROP) {
                p.handler.fail(cause);
            }
        }
        for (RoomSubscription sub : rooms.values()) {
            sub.failWaiters(cause, dispatcher);
        }
        rooms.clear();
        dispatcher.fail(firstWelcome, cause);
        setState(ConnectionState.CLOSED, cause.getMessage());
    }

    private void startHeartbeat(long heartbeatMs) {
        long periodMs = Math.max(10, heartbeatMs);
        heartbeat = loop.scheduleAtFixedRate(() -> beat(periodMs), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private void beat(long periodMs) {
        WebSocketConnection c = connection;
        if (c == null) {
            return;
        }
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c.lastReadNanos());
        if (silentMs > DEAD_AFTER_HEARTBEATS * periodMs) {
            abort(c, "the server was silent for " + silentMs + " ms");
            return;
        }
        c.write(new Ping(null));
        c.flush();
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    private void setState(ConnectionState next, String reason) {
        state = next;
        ConnectionEvent event = new ConnectionEvent(next, reason, failedAttempts, server);
        dispatcher.execute(() -> listeners.connection(event));
    }

    // ---- frames from the server ----

    @Override
    public void received(WebSocketConnection c, ServerFrame frame) {
        if (c != connection) {
            return;
        }
        if (frame instanceof Msg m) {
            message(m);
        } else if (frame instanceof Presence p) {
            dispatcher.execute(() -> listeners.presence(p));
        } else if (frame instanceof DecisionUpdate d) {
            dispatcher.execute(() -> listeners.decision(d));
        } else if (frame instanceof Dropped d) {
            dispatcher.execute(() -> listeners.dropped(d));
            recover(d);
        } else {
            reply(frame);
        }
    }

    private void message(Msg m) {
        if (m.room() == null) {
            if (inbox.accept(m.offset())) {
                dispatcher.execute(() -> listeners.directMessage(ReceivedMessage.from(m)));
            }
            return;
        }
        RoomSubscription sub = rooms.get(m.room());
        if (sub == null) {
            return;
        }
        if (sub.tracker.accept(m.offset())) {
            dispatcher.execute(() -> listeners.roomMessage(ReceivedMessage.from(m)));
        }
        long gapUpTo = sub.gapBefore(m.offset());
        if (gapUpTo >= 0) {
            new GapFiller(this, sub, gapUpTo).fetchAfter(sub.tracker.contiguous());
        }
    }

    private void reply(ServerFrame frame) {
        String rid = frame.rid();
        if (rid == null) {
            if (frame instanceof ErrorFrame e) {
                LOG.warn("{}: the server reported {}: {}", options.clientId(), e.code().wireName(), e.message());
            }
            return;
        }
        PendingRequest p = inFlight.remove(rid);
        if (p == null) {
            LOG.debug("{}: a reply to rid {} that no request waits for (timed out?)", options.clientId(), rid);
            return;
        }
        p.cancelTimeout();
        p.handler.reply(frame);
    }

    /**
     * Fetches a {@code dropped} range with {@code history} and hands over what was missed; a range
     * retention deleted cannot be fetched: the tracker moves past it (listeners were told).
     */
    private void recover(Dropped d) {
        RoomSubscription sub = rooms.get(d.room());
        if (sub == null) {
            return;
        }
        if (Dropped.RETENTION.equals(d.reason())) {
            sub.tracker.skipTo(d.toOffset());
        } else {
            new GapFiller(this, sub, d.toOffset()).fetchAfter(d.fromOffset() - 1);
        }
    }

    void handOverRecovered(RoomSubscription sub, HistoryReply page) {
        if (rooms.get(sub.room) != sub) {
            return;
        }
        for (Msg m : page.messages()) {
            if (sub.tracker.accept(m.offset())) {
                dispatcher.execute(() -> listeners.roomMessage(ReceivedMessage.from(m)));
            }
        }
    }

    // ---- rooms ----

    private void joinOnLoop(String room, JoinOptions joinOptions, CompletableFuture<Joined> future) {
        if (closed) {
            dispatcher.fail(future, new ClientClosedException("the client was closed"));
            return;
        }
        RoomSubscription sub = rooms.computeIfAbsent(room, r -> new RoomSubscription(r, joinOptions));
        sub.options = joinOptions;
        sub.waiters.add(future);
        loop.schedule(() -> joinTimedOut(sub, future), options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (ready) {
            sendJoin(sub);
            scheduleFlush();
        }
    }

    private void joinTimedOut(RoomSubscription sub, CompletableFuture<Joined> future) {
        if (sub.waiters.remove(future)) {
            dispatcher.fail(future, new RequestTimeoutException("join of room '" + sub.room + "' got no reply within "
                    + options.requestTimeout().toMillis() + " ms"));
            if (!sub.tracker.isAnchored() && sub.waiters.isEmpty()) {
                rooms.remove(sub.room, sub);
            }
        }
    }

    private void sendJoin(RoomSubscription sub) {
        sendNow(internal("join", sub::joinFrame, new JoinReply(sub)));
    }

    void joinAnswered(RoomSubscription sub, ServerFrame frame) {
        if (rooms.get(sub.room) != sub) {
            return;
        }
        if (frame instanceof Ok ok) {
            HistoryLost lost = sub.joined(ok);
            if (lost != null) {
                LOG.info("{}: room '{}': the cluster lost history after offset {} (epoch {} -> {})",
                        options.clientId(), sub.room, lost.since(), lost.previousEpoch(), lost.epoch());
                dispatcher.execute(() -> listeners.historyLost(lost));
            }
            Joined joined = new Joined(sub.room, ok.offset(), ok.members() == null ? List.of() : ok.members());
            sub.completeWaiters(joined, dispatcher);
        } else if (frame instanceof ErrorFrame e) {
            LOG.warn("{}: joining room '{}' failed: {}", options.clientId(), sub.room, e.message());
            sub.failWaiters(ServerErrorException.of(e), dispatcher);
            if (!sub.tracker.isAnchored()) {
                rooms.remove(sub.room);
            }
        }
    }

    private void leaveOnLoop(String room, CompletableFuture<ServerFrame> future) {
        RoomSubscription sub = rooms.remove(room);
        if (sub != null) {
            sub.failWaiters(new ClientClosedException("left room '" + room + "' before the join completed"), dispatcher);
            if (!ready) {
                dispatcher.complete(future, Ok.of(null));
                return;
            }
        }
        PendingRequest p = new PendingRequest(seqs.incrementAndGet(), "leave", rid -> new Leave(rid, room),
                LossPolicy.FAIL, new LeaveReply(future, dispatcher));
        submit(p);
    }

    // ---- requests ----

    private PendingRequest internal(String op, Function<String, ClientFrame> frame, ReplyHandler handler) {
        return new PendingRequest(seqs.incrementAndGet(), op, frame, LossPolicy.DROP, handler);
    }

    void submitInternal(String op, Function<String, ClientFrame> frame, ReplyHandler handler) {
        submit(internal(op, frame, handler));
    }

    private void submit(PendingRequest p) {
        if (closed) {
            p.handler.fail(new ClientClosedException("the client was closed"));
            return;
        }
        p.timeout = loop.schedule(() -> timedOut(p), options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (ready) {
            sendNow(p);
            scheduleFlush();
        } else {
            waiting.put(p.seq, p);
        }
    }

    private void sendNow(PendingRequest p) {
        String rid = Long.toString(++rids, 36);
        ClientFrame frame = p.frame.apply(rid);
        try {
            connection.write(frame);
        } catch (RuntimeException e) {
            p.cancelTimeout();
            p.handler.fail(new AgentBusException(p.op + " could not be encoded: " + describe(e), e));
            return;
        }
        p.rid = rid;
        inFlight.put(rid, p);
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(() -> {
                flushScheduled = false;
                if (connection != null) {
                    connection.flush();
                }
            });
        }
    }

    private void timedOut(PendingRequest p) {
        boolean removed = (p.rid != null && inFlight.remove(p.rid, p)) || waiting.remove(p.seq, p);
        p.timeout = null;
        if (removed) {
            p.handler.fail(new RequestTimeoutException(p.op + " got no reply within "
                    + options.requestTimeout().toMillis() + " ms" + (p.rid == null ? " (it was never sent: not connected)"
                    : "; its outcome is unknown")));
        }
    }

    private static void settle(Runnable onSettled) {
        if (onSettled != null) {
            onSettled.run();
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** Completes a user future with the reply, or fails it with the error as a typed exception. */
    private final class FutureReply implements ReplyHandler {
        private final CompletableFuture<ServerFrame> future;
        private final Runnable onSettled;

        FutureReply(CompletableFuture<ServerFrame> future, Runnable onSettled) {
            this.future = future;
            this.onSettled = onSettled;
        }

        @Override
        public void reply(ServerFrame frame) {
            settled();
            if (frame instanceof ErrorFrame e) {
                dispatcher.fail(future, ServerErrorException.of(e));
            } else {
                dispatcher.complete(future, frame);
            }
        }

        @Override
        public void fail(AgentBusException cause) {
            settled();
            dispatcher.fail(future, cause);
        }

        private void settled() {
            settle(onSettled);
        }
    }

    private final class HelloReply implements ReplyHandler {
        private final WebSocketConnection c;

        HelloReply(WebSocketConnection c) {
            this.c = c;
        }

        @Override
        public void reply(ServerFrame frame) {
            if (frame instanceof Welcome w) {
                welcomed(w);
            } else if (frame instanceof ErrorFrame e) {
                helloRefused(c, e);
            }
        }

        /** Only when the hello cannot be encoded (e.g. a token that is not valid Unicode): fatal. */
        @Override
        public void fail(AgentBusException cause) {
            shutdown(new ClientClosedException("hello as '" + options.clientId() + "' cannot be sent: "
                    + cause.getMessage(), cause));
        }
    }

    private final class JoinReply implements ReplyHandler {
        private final RoomSubscription sub;

        JoinReply(RoomSubscription sub) {
            this.sub = sub;
        }

        @Override
        public void reply(ServerFrame frame) {
            joinAnswered(sub, frame);
        }

        /** Only when the join cannot be encoded: it never will be, so the join fails. */
        @Override
        public void fail(AgentBusException cause) {
            sub.failWaiters(cause, dispatcher);
            if (!sub.tracker.isAnchored()) {
                rooms.remove(sub.room, sub);
            }
        }
    }
}
