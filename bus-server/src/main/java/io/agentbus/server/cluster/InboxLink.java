package io.agentbus.server.cluster;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The inboxes' side of {@link RedisLink}: the scripts that order a direct message in its
 * recipient's inbox log and share the written cursor, and the channel both are published on.
 * The keys of client {@code C}'s inbox share the hash tag {@code {@C}} ({@code @} cannot start an
 * id, so no room's keys clash): {@code :offset}, {@code :log}, {@code :epoch}, {@code :cursor},
 * {@code :recovering} ({@link LogRecovery}).
 * Every method returns without waiting for Redis.
 */
final class InboxLink {
    /** The channel every node publishes the direct messages it ordered and the cursors it moved on. */
    static final String CHANNEL = "agentbus:inboxes";
    /**
     * KEYS: the inbox's offset counter, stream, epoch, the message id's key and the recovering
     * key. ARGV: the highest offset this node knows in the inbox, the stream's length to trim to,
     * the channel, the client, the payload, the id's time to live in ms (0: no id, or no
     * de-duplication). Like the rooms' script, plus the id: returns {offset, epoch},
     * {'duplicate', original offset}, or {'recovering', ms left} without ordering.
     */
    private static final String ORDER_SCRIPT = String.join("\n",
            LogRecovery.BARRIER,
            "local ttl = tonumber(ARGV[6])",
            "if ttl > 0 then",
            "  local original = redis.call('GET', KEYS[4])",
            "  if original then return {'" + ClusterDedup.DUPLICATE + "', tonumber(original)} end",
            "end",
            "local floor = tonumber(ARGV[1])",
            "local epoch, second = barrier(KEYS[1], KEYS[3], KEYS[5], floor, ARGV[3], '"
                    + LogRecovery.INBOX_NOTICE + "' .. ARGV[4])",
            "if not epoch then return {'" + LogRecovery.RECOVERING + "', second} end",
            "local offset = redis.call('INCR', KEYS[1])",
            "if offset <= floor then",
            "  offset = floor + 1",
            "  redis.call('SET', KEYS[1], offset)",
            "end",
            "redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], offset .. '-0', 'e', epoch, 'm', ARGV[5])",
            "redis.call('PUBLISH', ARGV[3], 'm ' .. ARGV[4] .. ' ' .. offset .. ' ' .. epoch .. '\\n' .. ARGV[5])",
            "if ttl > 0 then redis.call('SET', KEYS[4], offset, 'PX', ttl) end",
            "return {offset, epoch}");
    /**
     * KEYS: the inbox's cursor. ARGV: the cursor a node moved to, the channel, the message to
     * publish. Keeps the highest cursor and publishes only a move forward.
     */
    private static final String CURSOR_SCRIPT = String.join("\n",
            "local known = tonumber(redis.call('GET', KEYS[1]) or '0')",
            "if tonumber(ARGV[1]) > known then",
            "  redis.call('SET', KEYS[1], ARGV[1])",
            "  redis.call('PUBLISH', ARGV[2], ARGV[3])",
            "end",
            "return known");
    /** KEYS: the inbox's cursor and offset counter. Returns both, 0 for a missing one. */
    private static final String STATE_SCRIPT =
            "return {tonumber(redis.call('GET', KEYS[1]) or '0'), tonumber(redis.call('GET', KEYS[2]) or '0')}";

    private final RedisLink link;

    InboxLink(RedisLink link) {
        this.link = link;
    }

    /** Subscribes {@code subscriber} to the inboxes' channel on a connection of its own. */
    void subscribe(LogChannel.Subscriber<InboxNews> subscriber) {
        link.subscribeApart(CHANNEL, new LogChannel<>(LogRecovery.INBOX_NOTICE, InboxCodec::fromMessage, subscriber));
    }

    /**
     * Orders a direct message to {@code client}: completes with {offset, epoch}, or with
     * {'duplicate', offset} when {@code idKey} is still there ({@code ttlMs} 0: not looked for).
     */
    CompletionStage<List<Object>> order(String client, long knownLast, String payload, String idKey, long ttlMs) {
        String tag = tag(client);
        return link.commands().<List<Object>>eval(ORDER_SCRIPT, ScriptOutputType.MULTI,
                new String[] {key(tag, "offset"), key(tag, "log"), key(tag, "epoch"),
                        idKey == null ? key(tag, "id") : idKey, key(tag, "recovering")},
                Long.toString(knownLast), link.streamMaxLength(), CHANNEL, client, payload, Long.toString(ttlMs));
    }

    /**
     * Raises {@code client}'s inbox offset counter to this node's high-water mark {@code highWater},
     * and starts the inbox's recovery barrier if Redis lost it ({@link LogRecovery#RAISE}):
     * completes with 1 when it started one.
     */
    CompletionStage<Long> raise(String client, long highWater) {
        String tag = tag(client);
        return link.commands().<Long>eval(LogRecovery.RAISE, ScriptOutputType.INTEGER,
                new String[] {key(tag, "offset"), key(tag, "epoch"), key(tag, "recovering")},
                Long.toString(highWater), CHANNEL, LogRecovery.INBOX_NOTICE + client);
    }

    /** Raises {@code client}'s shared cursor to {@code writtenUpTo} (and tells every node) unless it is higher. */
    CompletionStage<Long> cursor(String client, long writtenUpTo) {
        return link.commands().<Long>eval(CURSOR_SCRIPT, ScriptOutputType.INTEGER,
                new String[] {key(tag(client), "cursor")}, Long.toString(writtenUpTo), CHANNEL,
                InboxCodec.cursor(client, writtenUpTo));
    }

    /** {@code client}'s shared cursor and the last offset ordered in its inbox. */
    CompletionStage<List<Long>> state(String client) {
        String tag = tag(client);
        return link.commands().<List<Long>>eval(STATE_SCRIPT, ScriptOutputType.MULTI,
                key(tag, "cursor"), key(tag, "offset"));
    }

    /** Reads up to {@code count} stored messages of {@code client}'s inbox from {@code first} to {@code last}. */
    CompletionStage<List<InboxEntry>> range(String client, long first, long last, int count) {
        Range<String> range = Range.create(first + "-0", last + "-0");
        return link.commands().xrange(key(tag(client), "log"), range, Limit.from(count))
                .thenApply(messages -> entries(client, messages));
    }

    /** Runs {@code task} on a Lettuce thread after {@code delayMs}. */
    void schedule(Runnable task, long delayMs) {
        link.schedule(task, delayMs);
    }

    /** What the Redis at the other end is called in messages. */
    String redis() {
        return link.health().redis();
    }

    private static List<InboxEntry> entries(String client, List<StreamMessage<String, String>> messages) {
        List<InboxEntry> entries = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> m : messages) {
            String id = m.getId();
            long offset = Long.parseLong(id.substring(0, id.indexOf('-')));
            entries.add(InboxCodec.entry(client, offset, m.getBody().get("e"), m.getBody().get("m")));
        }
        return entries;
    }

    /** The hash tag of a client's inbox keys. */
    static String tag(String client) {
        return "@" + client;
    }

    private static String key(String tag, String name) {
        return "agentbus:{" + tag + "}:" + name;
    }

}
