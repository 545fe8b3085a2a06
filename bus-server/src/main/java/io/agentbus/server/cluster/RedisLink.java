package io.agentbus.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connections to Redis (Lettuce): one for commands, one subscribed to the channel on
 * which every node publishes the messages it ordered. Lettuce reconnects both by itself (and
 * subscribes again); commands given while a connection is down fail at once instead of waiting.
 * Every method returns without waiting for Redis.
 */
final class RedisLink implements AutoCloseable {
    /** The channel every node publishes its ordered messages on, and every node listens to. */
    static final String CHANNEL = "agentbus:messages";
    /** The set of every room's id that has events, for a node that starts to load each room's members. */
    private static final String ROOMS_KEY = "agentbus:rooms";
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    /**
     * The longest a reconnect waits, in ms; a log's recovery barrier ({@link LogRecovery}) lasts
     * twice that. A constant, so that neither class's initialisation needs the other's.
     */
    static final long RECONNECT_MAX_DELAY_MS = 1000;
    /**
     * KEYS: the room's offset counter, stream, epoch, the offset that epoch began at (set when
     * the epoch is created) and its recovering key. ARGV: the highest offset this node knows
     * in the room (a Redis that lost the counter goes on above it rather than repeat offsets), the
     * stream's length to trim to, the channel, the room, the payload. A missing epoch is created
     * from Redis's clock: at once for a new room, after the barrier of {@link LogRecovery} for a
     * room Redis lost. Returns {offset, epoch}, or {'recovering', ms left} without ordering.
     */
    private static final String ORDER_SCRIPT = String.join("\n",
            LogRecovery.BARRIER,
            "local floor = tonumber(ARGV[1])",
            "local epoch, created = barrier(KEYS[1], KEYS[3], KEYS[5], floor, ARGV[3], '"
                    + LogRecovery.ROOM_NOTICE + "' .. ARGV[4])",
            "if not epoch then return {'" + LogRecovery.RECOVERING + "', created} end",
            "local offset = redis.call('INCR', KEYS[1])",
            "if offset <= floor then",
            "  offset = floor + 1",
            "  redis.call('SET', KEYS[1], offset)",
            "end",
            "if created then",
            "  redis.call('SET', KEYS[4], offset)",
            "end",
            "redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], offset .. '-0', 'e', epoch, 'm', ARGV[5])",
            "redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. offset .. ' ' .. epoch .. '\\n' .. ARGV[5])",
            "return {offset, epoch}");
    /**
     * {@link #ORDER_SCRIPT} once per message id: the last KEYS is the id's key in the room's hash
     * tag, the last ARGV its time to live in ms. A key still there answers {'duplicate', offset}
     * (the original's) without ordering anything; else the message is ordered and the key set
     * (not while the room recovers: nothing was ordered then).
     */
    private static final String ORDER_ONCE_SCRIPT = String.join("\n",
            "local original = redis.call('GET', KEYS[#KEYS])",
            "if original then return {'duplicate', tonumber(original)} end",
            "local function order()",
            ORDER_SCRIPT,
            "end",
            "local result = order()",
            "if result[1] ~= '" + LogRecovery.RECOVERING + "' then",
            "  redis.call('SET', KEYS[#KEYS], result[1], 'PX', ARGV[#ARGV])",
            "end",
            "return result");

    private final ClientResources resources;
    private final RedisClient client;
    private final ClusterHealth health;
    private final String streamMaxLength;
    private StatefulRedisConnection<String, String> connection;
    private RedisAsyncCommands<String, String> commands;
    private StatefulRedisPubSubConnection<String, String> subscription;

    RedisLink(String uri, long timeoutMs, int streamMaxLength) {
        RedisURI redisUri = RedisURI.create(uri);
        this.health = new ClusterHealth(redisUri.toString());
        this.streamMaxLength = Integer.toString(streamMaxLength);
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofMillis(RECONNECT_MAX_DELAY_MS), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(timeoutMs)))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(timeoutMs)).build())
                .build());
        client.addListener(new HealthListener(health));
    }

    ClusterHealth health() {
        return health;
    }

    /**
     * Opens both connections.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached now
     */
    void connect() {
        try {
            connection = client.connect();
            commands = connection.async();
            subscription = client.connectPubSub();
        } catch (RedisConnectionException e) {
            throw new ClusterUnavailableException("cluster.redis: cannot connect to Redis at " + health.redis() + ": "
                    + rootMessage(e), e);
        }
    }

    /** Subscribes {@code listener} to the nodes' channel, from now on and after every reconnect. */
    void subscribe(LogChannel.Subscriber<LogEntry> listener) {
        subscription.addListener(new LogChannel<>(LogRecovery.ROOM_NOTICE, RedisLink::entry, listener));
        subscription.async().subscribe(CHANNEL);
    }

    /** A message or event as the nodes' channel carries it. */
    private static LogEntry entry(String message) {
        return EventCodec.isEvent(message) ? EventCodec.fromMessage(message) : EntryCodec.fromMessage(message);
    }

    /** Runs the script that orders a message in {@code room}: completes with {offset, epoch}. */
    CompletionStage<List<Object>> order(String room, long knownLast, String payload) {
        return commands.<List<Object>>eval(ORDER_SCRIPT, ScriptOutputType.MULTI,
                new String[] {counterKey(room), streamKey(room), epochKey(room), epochFirstKey(room),
                    recoveringKey(room)},
                Long.toString(knownLast), streamMaxLength, CHANNEL, room, payload);
    }

    /**
     * {@link #order}, unless the message's id key {@code idKey} (see {@link ClusterDedup}) is still
     * there: then completes with {'duplicate', the original's offset}.
     */
    CompletionStage<List<Object>> orderOnce(String room, long knownLast, String payload, String idKey, long ttlMs) {
        return commands.<List<Object>>eval(ORDER_ONCE_SCRIPT, ScriptOutputType.MULTI,
                new String[] {counterKey(room), streamKey(room), epochKey(room), epochFirstKey(room),
                    recoveringKey(room), idKey},
                Long.toString(knownLast), streamMaxLength, CHANNEL, room, payload, Long.toString(ttlMs));
    }

    /** The command connection, for the scripts of {@link InboxLink}. */
    RedisAsyncCommands<String, String> commands() {
        return commands;
    }

    /** The length a stream is trimmed to (the {@code MAXLEN ~} argument). */
    String streamMaxLength() {
        return streamMaxLength;
    }

    /**
     * Opens one more subscription, to {@code channel} only, delivering to {@code listener} from now
     * on and after every reconnect (Lettuce subscribes again).
     *
     * @throws ClusterUnavailableException when Redis cannot be reached now
     */
    void subscribeApart(String channel, RedisPubSubListener<String, String> listener) {
        try {
            StatefulRedisPubSubConnection<String, String> apart = client.connectPubSub();
            apart.addListener(listener);
            apart.async().subscribe(channel);
        } catch (RedisConnectionException e) {
            throw new ClusterUnavailableException("cluster.redis: cannot connect to Redis at " + health.redis() + ": "
                    + rootMessage(e), e);
        }
    }

    /**
     * Opens a connection whose values are bytes, for {@link ClusterArtifacts}.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached now
     */
    StatefulRedisConnection<String, byte[]> connectBytes() {
        try {
            return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RedisConnectionException e) {
            throw new ClusterUnavailableException("cluster.redis: cannot connect to Redis at " + health.redis() + ": "
                    + rootMessage(e), e);
        }
    }

    /**
     * Runs the script that appends an event to {@code room}'s log ({@link EventScripts#APPEND}):
     * completes with {last, n, epoch, number}.
     *
     * @param members        {@code add}, {@code remove} or {@code none}: what it does to the members hash
     * @param decisionFloor  the highest decision number this node knows when it proposes, else -1
     */
    CompletionStage<List<Object>> append(String room, long knownLast, String payload, String members, String field,
                                         String value, long decisionFloor) {
        return commands.<List<Object>>eval(EventScripts.APPEND, ScriptOutputType.MULTI, eventKeys(room),
                Long.toString(knownLast), streamMaxLength, CHANNEL, room, payload, members, field, value,
                Long.toString(decisionFloor));
    }

    /**
     * Appends a {@code leave} for each member of the dead {@code node} in {@code room}, unless its
     * heartbeat is back: completes with how many.
     */
    CompletionStage<Long> reap(String room, String node) {
        String[] keys = Arrays.copyOf(eventKeys(room), 8);
        keys[7] = nodeKey(node);
        return commands.<Long>eval(EventScripts.REAP, ScriptOutputType.INTEGER, keys,
                "0", streamMaxLength, CHANNEL, room, node + "/");
    }

    /** The room's members and the log position they are valid at ({@link EventScripts#SNAPSHOT}). */
    CompletionStage<List<Object>> snapshot(String room) {
        return commands.<List<Object>>eval(EventScripts.SNAPSHOT, ScriptOutputType.MULTI, eventKeys(room));
    }

    /** Every room any node appended an event to. */
    CompletionStage<Set<String>> rooms() {
        return commands.smembers(ROOMS_KEY);
    }

    /** Says this node is alive for {@code ttlMs} more. */
    CompletionStage<String> heartbeat(String node, long ttlMs) {
        return commands.set(nodeKey(node), "1", SetArgs.Builder.px(ttlMs));
    }

    /** Whether {@code node}'s heartbeat has not expired. */
    CompletionStage<Boolean> alive(String node) {
        return commands.exists(nodeKey(node)).thenApply(n -> n > 0);
    }

    private static String[] eventKeys(String room) {
        return new String[] {counterKey(room), streamKey(room), epochKey(room), epochFirstKey(room),
            "agentbus:{" + room + "}:members", "agentbus:{" + room + "}:decisions", ROOMS_KEY, recoveringKey(room)};
    }

    /**
     * Raises {@code room}'s offset counter to this node's high-water mark {@code highWater}, and
     * starts the room's recovery barrier if Redis lost it ({@link LogRecovery#RAISE}): completes
     * with 1 when it started one.
     */
    CompletionStage<Long> raise(String room, long highWater) {
        return commands.<Long>eval(LogRecovery.RAISE, ScriptOutputType.INTEGER,
                new String[] {counterKey(room), epochKey(room), recoveringKey(room)},
                Long.toString(highWater), CHANNEL, LogRecovery.ROOM_NOTICE + room);
    }

    /**
     * Reads up to {@code count} stored entries (messages and events) of {@code room} after
     * {@code after}, up to before {@code before} ({@code null}: to the end).
     */
    CompletionStage<List<LogEntry>> range(String room, LogId after, LogId before, int count) {
        Range<String> range = Range.from(Range.Boundary.excluding(after.toString()), before == null
                ? Range.Boundary.unbounded() : Range.Boundary.excluding(before.toString()));
        return commands.xrange(streamKey(room), range, Limit.from(count))
                .thenApply(messages -> entries(room, messages));
    }

    private static List<LogEntry> entries(String room, List<StreamMessage<String, String>> messages) {
        List<LogEntry> entries = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> m : messages) {
            LogId id = LogId.parse(m.getId());
            Map<String, String> body = m.getBody();
            entries.add(id.isMessage() ? EntryCodec.entry(room, id.offset(), body.get("e"), body.get("m"))
                    : EventCodec.entry(room, m.getId(), body.get("e"), body.get("f"), body.get("k"), body.get("v")));
        }
        return entries;
    }

    /** Runs {@code task} on a Lettuce thread after {@code delayMs}. */
    void schedule(Runnable task, long delayMs) {
        resources.eventExecutorGroup().schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Keys of one room share the hash tag {@code {room}}, so a Redis Cluster keeps them on one node. */
    private static String counterKey(String room) {
        return "agentbus:{" + room + "}:offset";
    }

    private static String streamKey(String room) {
        return "agentbus:{" + room + "}:log";
    }

    private static String epochKey(String room) {
        return "agentbus:{" + room + "}:epoch";
    }

    private static String epochFirstKey(String room) {
        return "agentbus:{" + room + "}:epoch-first";
    }

    /** While it is there, the room recovers from a loss of its data ({@link LogRecovery}); its value: when that ends. */
    private static String recoveringKey(String room) {
        return "agentbus:{" + room + "}:recovering";
    }

    private static String nodeKey(String node) {
        return "agentbus:node:" + node;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    @Override
    public void close() {
        health.closing();
        closeQuietly(subscription);
        closeQuietly(connection);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("cluster: error while closing a Redis connection", e);
        }
    }

    /**
     * Follows this node's own connections to Redis. The short connections through which Lettuce asks
     * a sentinel where the master is ({@code redis-sentinel://} URIs) close by design and are left out:
     * counted, their close made the node degraded for good.
     */
    private static final class HealthListener implements RedisConnectionStateListener {
        private final ClusterHealth health;

        HealthListener(ClusterHealth health) {
            this.health = health;
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (!(connection instanceof StatefulRedisSentinelConnection)) {
                health.connected(connection);
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (!(connection instanceof StatefulRedisSentinelConnection)) {
                health.disconnected(connection);
            }
        }
    }
}
