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
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    private static final Duration RECONNECT_MAX_DELAY = Duration.ofSeconds(1);
    /**
     * KEYS: the room's offset counter, stream and epoch. ARGV: the highest offset this node knows
     * in the room (a Redis that lost the counter goes on above it rather than repeat offsets), the
     * stream's length to trim to, the channel, the room, the payload. A missing epoch (a new room,
     * or a Redis that lost its data) is created from Redis's clock. Returns {offset, epoch}.
     */
    private static final String ORDER_SCRIPT = String.join("\n",
            "local epoch = redis.call('GET', KEYS[3])",
            "if not epoch then",
            "  local t = redis.call('TIME')",
            "  epoch = t[1] .. string.format('%06d', t[2])",
            "  redis.call('SET', KEYS[3], epoch)",
            "end",
            "local offset = redis.call('INCR', KEYS[1])",
            "local floor = tonumber(ARGV[1])",
            "if offset <= floor then",
            "  offset = floor + 1",
            "  redis.call('SET', KEYS[1], offset)",
            "end",
            "redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], offset .. '-0', 'e', epoch, 'm', ARGV[5])",
            "redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. offset .. ' ' .. epoch .. '\\n' .. ARGV[5])",
            "return {offset, epoch}");
    /**
     * {@link #ORDER_SCRIPT} once per message id: the last KEYS is the id's key in the room's hash
     * tag, the last ARGV its time to live in ms. A key still there answers {'duplicate', offset}
     * (the original's) without ordering anything; else the message is ordered and the key set.
     */
    private static final String ORDER_ONCE_SCRIPT = String.join("\n",
            "local original = redis.call('GET', KEYS[#KEYS])",
            "if original then return {'duplicate', tonumber(original)} end",
            "local function order()",
            ORDER_SCRIPT,
            "end",
            "local result = order()",
            "redis.call('SET', KEYS[#KEYS], result[1], 'PX', ARGV[#ARGV])",
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
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), RECONNECT_MAX_DELAY, 2, TimeUnit.MILLISECONDS))
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
    void subscribe(Subscriber listener) {
        subscription.addListener(new Messages(listener));
        subscription.async().subscribe(CHANNEL);
    }

    /** Runs the script that orders a message in {@code room}: completes with {offset, epoch}. */
    CompletionStage<List<Object>> order(String room, long knownLast, String payload) {
        return commands.<List<Object>>eval(ORDER_SCRIPT, ScriptOutputType.MULTI,
                new String[] {counterKey(room), streamKey(room), epochKey(room)},
                Long.toString(knownLast), streamMaxLength, CHANNEL, room, payload);
    }

    /**
     * {@link #order}, unless the message's id key {@code idKey} (see {@link ClusterDedup}) is still
     * there: then completes with {'duplicate', the original's offset}.
     */
    CompletionStage<List<Object>> orderOnce(String room, long knownLast, String payload, String idKey, long ttlMs) {
        return commands.<List<Object>>eval(ORDER_ONCE_SCRIPT, ScriptOutputType.MULTI,
                new String[] {counterKey(room), streamKey(room), epochKey(room), idKey},
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

    /** Reads up to {@code count} stored messages of {@code room} from {@code first} to {@code last} (inclusive). */
    CompletionStage<List<ClusterEntry>> range(String room, long first, long last, int count) {
        Range<String> range = Range.from(Range.Boundary.including(first + "-0"), last == Long.MAX_VALUE
                ? Range.Boundary.unbounded() : Range.Boundary.including(last + "-0"));
        return commands.xrange(streamKey(room), range, Limit.from(count))
                .thenApply(messages -> entries(room, messages));
    }

    private static List<ClusterEntry> entries(String room, List<StreamMessage<String, String>> messages) {
        List<ClusterEntry> entries = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> m : messages) {
            String id = m.getId();
            long offset = Long.parseLong(id.substring(0, id.indexOf('-')));
            entries.add(EntryCodec.entry(room, offset, m.getBody().get("e"), m.getBody().get("m")));
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

    /** What the nodes' channel brings, on a Lettuce thread. */
    interface Subscriber {
        /** A message some node ordered (this one included). */
        void arrived(ClusterEntry entry);

        /** The subscription is (again) in place: messages published while it was not may be missing. */
        void subscribed();
    }

    private static final class Messages extends RedisPubSubAdapter<String, String> {
        private final Subscriber subscriber;

        Messages(Subscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void message(String channel, String message) {
            ClusterEntry entry;
            try {
                entry = EntryCodec.fromMessage(message);
            } catch (IllegalArgumentException e) {
                LOG.warn("cluster: ignoring a message on {} that is not one of ours", channel, e);
                return;
            }
            subscriber.arrived(entry);
        }

        @Override
        public void subscribed(String channel, long count) {
            subscriber.subscribed();
        }
    }

    private static final class HealthListener implements RedisConnectionStateListener {
        private final ClusterHealth health;

        HealthListener(ClusterHealth health) {
            this.health = health;
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            health.connected(connection);
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            health.disconnected(connection);
        }
    }
}
