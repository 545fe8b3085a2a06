package io.agentbus.client;

import io.agentbus.client.error.ClientClosedException;
import io.agentbus.client.error.ConnectFailedException;
import io.agentbus.client.error.PublishBufferFullException;
import io.agentbus.client.session.ClientSession;
import io.agentbus.client.session.Listeners;
import io.agentbus.client.session.LossPolicy;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.protocol.frame.VoteChoice;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connection to an agentbus server that survives reconnects. Every operation returns a
 * {@link CompletableFuture} that completes with the server's acknowledgement or fails with an
 * {@link io.agentbus.client.error.AgentBusException}: a typed
 * {@link io.agentbus.client.error.ServerErrorException} per server error code, a timeout, a lost
 * connection, back-pressure, or the client's closing. Thread-safe.
 *
 * <p>Listeners and future completions run on the callback executor (by default one thread of the
 * client's own, so they arrive in order), never on the I/O thread unless
 * {@link Builder#callbackExecutor} says so. Each room offset and each inbox offset is handed to
 * the application once: after a reconnect the client rejoins every room with {@code since} = the
 * highest contiguous offset it handed over, and resends the publishes that were not acknowledged,
 * under their original ids, which the server uses to drop duplicates. Given several nodes of a
 * cluster ({@link #builder(List, String)}), each reconnect goes to the next node, round robin.
 *
 * @see io.agentbus.client
 */
public final class AgentBusClient implements AutoCloseable {
    private final ClientOptions options;
    private final ClientSession session;
    private final Listeners listeners;
    private final AtomicInteger pendingPublishes = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong();
    private final String messageIdPrefix;

    private AgentBusClient(ClientOptions options, Listeners listeners) {
        this.options = options;
        this.listeners = listeners;
        this.session = new ClientSession(options, listeners);
        this.messageIdPrefix = Long.toHexString(new SecureRandom().nextLong() | Long.MIN_VALUE);
    }

    /** A builder for a client of the server at {@code uri} (e.g. {@code ws://127.0.0.1:7070/ws}). */
    public static Builder builder(URI uri, String clientId) {
        return new Builder(List.of(Objects.requireNonNull(uri, "uri")), clientId);
    }

    /**
     * A builder for a client of a cluster whose nodes listen at {@code uris}: it connects to the
     * first, and each time the connection drops or a node refuses it (connection refused, an
     * HTTP error such as 503, a close from a node shutting down, an {@code overloaded} hello),
     * moves on to the next, round robin, after the {@link Builder#reconnect} back-off.
     *
     * @throws IllegalArgumentException if the list is empty, names a URI twice, or a URI is not
     *                                  {@code ws://} with a host (see {@link ServerUris})
     */
    public static Builder builder(List<URI> uris, String clientId) {
        return new Builder(ServerUris.requireValid(uris), clientId);
    }

    /**
     * Connects with default settings and waits for the server's {@code welcome}.
     *
     * @param token the token to send in {@code hello}, or {@code null}
     * @throws ConnectFailedException if no connection was welcomed within the connect timeout
     */
    public static AgentBusClient connect(URI uri, String clientId, String token) {
        return builder(uri, clientId).token(token).connect();
    }

    public String clientId() {
        return options.clientId();
    }

    public ConnectionState state() {
        return session.state();
    }

    /** The node the client is connected to, or is trying to connect to next. */
    public URI server() {
        return session.server();
    }

    /** Joins {@code room} as a {@code participant}, receiving messages published from now on. */
    public CompletableFuture<Joined> join(String room) {
        return join(room, JoinOptions.DEFAULT);
    }

    /** Joins {@code room} with {@code role}, receiving messages published from now on. */
    public CompletableFuture<Joined> join(String room, String role) {
        return join(room, JoinOptions.DEFAULT.role(role));
    }

    /**
     * Joins {@code room}; its messages go to the {@link #onMessage} listeners. The room is
     * rejoined after every reconnect, resuming after the last contiguous offset handed over.
     */
    public CompletableFuture<Joined> join(String room, String role, JoinOptions joinOptions) {
        return join(room, joinOptions.role(role));
    }

    /** Joins {@code room} as {@code joinOptions} say. */
    public CompletableFuture<Joined> join(String room, JoinOptions joinOptions) {
        requireId("room", room);
        Objects.requireNonNull(joinOptions, "joinOptions");
        return session.join(room, joinOptions);
    }

    /** Leaves {@code room}; completes also if the connection drops first. */
    public CompletableFuture<Void> leave(String room) {
        requireId("room", room);
        return session.leave(room).thenApply(reply -> null);
    }

    /** Publishes {@code {"text": text}} into {@code room}. */
    public CompletableFuture<Published> publish(String room, String text) {
        return publish(room, Message.text(text));
    }

    /**
     * Publishes {@code message} into {@code room} (no membership needed). Buffered while
     * disconnected and resent after a reconnect until acknowledged; fails at once with
     * {@link PublishBufferFullException} when {@link Builder#maxPendingPublishes} are already
     * waiting for their acknowledgement.
     */
    public CompletableFuture<Published> publish(String room, Message message) {
        requireId("room", room);
        String id = message.id() != null ? message.id() : nextMessageId();
        return acknowledged("pub", rid -> new Pub(rid, room, message.channel(), message.type(), message.priority(),
                message.body(), id)).thenApply(ok -> new Published(room, ((Ok) ok).offset(), ((Ok) ok).duplicate()));
    }

    /** Sends {@code message} to client {@code to}'s durable inbox; buffered and resent like {@link #publish}. */
    public CompletableFuture<Sent> send(String to, Message message) {
        requireId("to", to);
        String id = message.id() != null ? message.id() : nextMessageId();
        return acknowledged("send", rid -> new Send(rid, to, message.type(), message.priority(), message.body(), id))
                .thenApply(ok -> new Sent(to, ((Ok) ok).offset(), ((Ok) ok).duplicate()));
    }

    /** Up to {@code limit} (1 to 1000) messages of {@code room} after offset {@code since}, in order. */
    public CompletableFuture<History> history(String room, long since, int limit) {
        requireId("room", room);
        return session.request("history", rid -> new HistoryRequest(rid, room, since, limit),
                LossPolicy.FAIL, null).thenApply(AgentBusClient::history);
    }

    /** Opens a decision in {@code room} (which must exist); completes with its id, e.g. {@code "d-1"}. */
    public CompletableFuture<String> propose(String room, String title, DecisionRule rule) {
        return propose(room, title, rule, Propose.DEFAULT_QUORUM, null);
    }

    /**
     * Opens a decision.
     *
     * @param quorum   yes votes needed under the quorum rule, or {@link Propose#DEFAULT_QUORUM}
     * @param deadline when it expires if still open, or {@code null} for never
     */
    public CompletableFuture<String> propose(String room, String title, DecisionRule rule, int quorum,
                                             Duration deadline) {
        requireId("room", room);
        long deadlineMs = deadline == null ? Propose.NO_DEADLINE : deadline.toMillis();
        return session.request("propose", rid -> new Propose(rid, room, title, rule, quorum, deadlineMs),
                LossPolicy.FAIL, null).thenApply(ok -> ((Ok) ok).decision());
    }

    /** Votes on decision {@code decision} of {@code room}; needs membership of the room. */
    public CompletableFuture<Void> vote(String room, String decision, VoteChoice choice) {
        requireId("room", room);
        return session.request("vote", rid -> new Vote(rid, room, decision, choice, null),
                LossPolicy.FAIL, null).thenApply(ok -> null);
    }

    /** Uploads a file into {@code room}; it is announced as a message of type {@code artifact}. */
    public CompletableFuture<StoredArtifact> uploadArtifact(String room, String name, String contentType,
                                                            byte[] data) {
        requireId("room", room);
        if (!ArtifactUpload.isValidName(name)) {
            throw new IllegalArgumentException("artifact name must be " + ArtifactUpload.NAME_RULE + ": " + name);
        }
        String type = contentType == null ? ArtifactUpload.DEFAULT_CONTENT_TYPE : contentType;
        byte[] copy = data.clone();
        return session.request("artifact", rid -> new ArtifactUpload(rid, room, name, type, copy),
                LossPolicy.FAIL, null)
                .thenApply(ok -> new StoredArtifact(room, ((Ok) ok).offset(), ((Ok) ok).sha256()));
    }

    /** Adds a listener for the messages of every joined room. */
    public AgentBusClient onMessage(Consumer<ReceivedMessage> listener) {
        listeners.onMessage(listener);
        return this;
    }

    /** Adds a listener for the messages of one room. */
    public AgentBusClient onMessage(String room, Consumer<ReceivedMessage> listener) {
        listeners.onMessage(room, listener);
        return this;
    }

    /** Adds a listener for direct messages to this client. */
    public AgentBusClient onDirectMessage(Consumer<ReceivedMessage> listener) {
        listeners.onDirectMessage(listener);
        return this;
    }

    /** Adds a listener for members joining and leaving joined rooms. */
    public AgentBusClient onPresence(Consumer<Presence> listener) {
        listeners.onPresence(listener);
        return this;
    }

    /** Adds a listener for decisions opened, voted on and closed in joined rooms. */
    public AgentBusClient onDecision(Consumer<DecisionUpdate> listener) {
        listeners.onDecision(listener);
        return this;
    }

    /**
     * Adds a listener for {@code dropped} notices. For information only: the client fetches the
     * range with {@code history} itself and hands over the messages it had not had.
     */
    public AgentBusClient onDropped(Consumer<Dropped> listener) {
        listeners.onDropped(listener);
        return this;
    }

    /** Adds a listener for connection state changes. */
    public AgentBusClient onConnectionChange(Consumer<ConnectionEvent> listener) {
        listeners.onConnection(listener);
        return this;
    }

    /**
     * Adds a listener told when a cluster answers a rejoin with {@code "recovered":false}: the
     * room's epoch changed and messages after the client's resume point may be lost for good
     * (see {@link HistoryLost}). A rejoin that recovered everything, and a single daemon (which
     * never says either), are not reported.
     */
    public AgentBusClient onHistoryLost(Consumer<HistoryLost> listener) {
        listeners.onHistoryLost(listener);
        return this;
    }

    /**
     * The highest offset of {@code room} up to which every message was handed over (-1 if not
     * joined or not known yet). Persist it to resume from it in a later process with
     * {@link JoinOptions#since(long)}.
     */
    public long contiguousOffset(String room) {
        return session.contiguousOffset(room);
    }

    /**
     * The epoch of {@code room} the last join {@code ok} named (cluster mode), or {@code null}
     * (not joined, or a single daemon, which has no epochs). Persist it beside
     * {@link #contiguousOffset} and give it back with {@link JoinOptions#epoch(String)}.
     */
    public String epoch(String room) {
        return session.epoch(room);
    }

    /**
     * Closes the connection and stops the client's threads. Requests still pending fail with
     * {@link ClientClosedException}: wait for the futures that matter before closing.
     */
    @Override
    public void close() {
        session.close();
    }

    private CompletableFuture<ServerFrame> acknowledged(String op,
                                                        Function<String, ClientFrame> frame) {
        if (pendingPublishes.incrementAndGet() > options.maxPendingPublishes()) {
            pendingPublishes.decrementAndGet();
            return CompletableFuture.failedFuture(new PublishBufferFullException(options.maxPendingPublishes()
                    + " publishes and direct messages already await their acknowledgement; wait for some to complete"));
        }
        return session.request(op, frame, LossPolicy.RESEND, pendingPublishes::decrementAndGet);
    }

    private String nextMessageId() {
        return messageIdPrefix + "-" + messageIds.incrementAndGet();
    }

    private static History history(ServerFrame reply) {
        HistoryReply h = (HistoryReply) reply;
        List<ReceivedMessage> messages = h.messages().stream().map(ReceivedMessage::from).toList();
        return new History(h.room(), messages, h.more());
    }

    private static void requireId(String field, String value) {
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException(field + " must be an id matching [A-Za-z0-9][A-Za-z0-9._:-]{0,127}: "
                    + value);
        }
    }

    private CompletableFuture<AgentBusClient> start() {
        return session.start().thenApply(v -> this);
    }

    /** Settings of a client; every one has a default. */
    public static final class Builder {
        private final List<URI> uris;
        private final String clientId;
        private final Listeners listeners = new Listeners();
        private String token;
        private Executor callbackExecutor;
        private EventLoopGroup eventLoopGroup;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private int maxPendingPublishes = 10_000;
        private int maxFrameBytes = 64 * 1024 * 1024;
        private long inboxSince = -1;

        private Builder(List<URI> uris, String clientId) {
            this.uris = uris;
            requireId("clientId", clientId);
            this.clientId = clientId;
        }

        /** The token to send in {@code hello} (default none). */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * Where listeners and future completions run (default: one thread of the client's own,
         * which keeps them in order). {@code Runnable::run} runs them on the I/O thread: only for
         * callbacks that never block.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Netty event loops to share between clients (default: one thread of the client's own). */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = Objects.requireNonNull(group, "group");
            return this;
        }

        /** How long a request may wait for its reply, counted from the call (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /** How long {@link #connect()} waits for the first {@code welcome} (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** Back-off between reconnection attempts (default 100 ms doubling to 5 s, with jitter). */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Publishes and direct messages that may await acknowledgement at once (default 10,000). */
        public Builder maxPendingPublishes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPendingPublishes must be at least 1: " + max);
            }
            this.maxPendingPublishes = max;
            return this;
        }

        /** The largest frame accepted from the server (default 64 MiB). */
        public Builder maxFrameBytes(int max) {
            if (max < 1024) {
                throw new IllegalArgumentException("maxFrameBytes must be at least 1024: " + max);
            }
            this.maxFrameBytes = max;
            return this;
        }

        /**
         * The last inbox offset the application has processed (persisted by it): the first
         * {@code hello} asks for what follows. Default: the server's cursor decides.
         */
        public Builder inboxSince(long offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("inboxSince must be >= 0: " + offset);
            }
            this.inboxSince = offset;
            return this;
        }

        /** Adds a listener before connecting, so nothing delivered right after {@code welcome} is missed. */
        public Builder onMessage(Consumer<ReceivedMessage> listener) {
            listeners.onMessage(listener);
            return this;
        }

        /** Adds a direct-message listener before connecting (inbox catch-up follows {@code welcome}). */
        public Builder onDirectMessage(Consumer<ReceivedMessage> listener) {
            listeners.onDirectMessage(listener);
            return this;
        }

        /** Adds a connection-state listener before connecting. */
        public Builder onConnectionChange(Consumer<ConnectionEvent> listener) {
            listeners.onConnection(listener);
            return this;
        }

        /** Adds a history-lost listener before connecting (see {@link AgentBusClient#onHistoryLost}). */
        public Builder onHistoryLost(Consumer<HistoryLost> listener) {
            listeners.onHistoryLost(listener);
            return this;
        }

        /** Connects and waits for the {@code welcome}; throws {@link ConnectFailedException} after the connect timeout. */
        public AgentBusClient connect() {
            AgentBusClient client = new AgentBusClient(options(), listeners);
            try {
                return client.start().get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String why = client.session.lastFailure();
                client.close();
                throw new ConnectFailedException("no welcome from " + describeUris() + " within "
                        + connectTimeout.toMillis() + " ms" + (why.isEmpty() ? "" : ": " + why), e);
            } catch (ExecutionException e) {
                client.close();
                throw new ConnectFailedException("could not connect to " + describeUris() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                client.close();
                Thread.currentThread().interrupt();
                throw new ClientClosedException("interrupted while connecting to " + describeUris(), e);
            }
        }

        /**
         * Starts connecting and returns at once; the future completes at the first {@code welcome}.
         * The client keeps retrying with back-off until then (no connect timeout applies); cancel
         * the future to stop trying, which closes the client.
         */
        public CompletableFuture<AgentBusClient> connectAsync() {
            AgentBusClient client = new AgentBusClient(options(), listeners);
            CompletableFuture<AgentBusClient> connected = client.start();
            connected.whenComplete((c, e) -> {
                if (connected.isCancelled()) {
                    client.close();
                }
            });
            return connected;
        }

        private ClientOptions options() {
            return new ClientOptions(uris, clientId, token, callbackExecutor, eventLoopGroup, requestTimeout,
                    connectTimeout, reconnect, maxPendingPublishes, maxFrameBytes, inboxSince);
        }

        private String describeUris() {
            return uris.size() == 1 ? uris.get(0).toString() : "any of " + uris;
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
