package io.agentbus.server.cluster;

import java.util.List;

/**
 * The recovery barrier of a log (a room's, or an inbox's) whose data Redis lost (a restart
 * without persistence, a {@code FLUSHALL}). The node that numbers first after the loss may lag
 * behind another: numbering at once from its own last offset would give an offset that a node
 * further ahead already holds for another message. So a script that finds the log's epoch key
 * missing although the caller knows the log (its floor, the highest offset it holds, is above 0)
 * numbers nothing: it raises the offset counter to the floor, sets the log's {@code recovering}
 * key to the time the barrier lifts ({@link #SETTLE_MS} from now), publishes a notice on the
 * log's channel, and answers {@code {'recovering', ms left}}. Every node that gets the notice, or
 * whose subscription comes back, raises the counter to its own high-water mark of the log
 * ({@link #RAISE}). Once the barrier lifts, the next script creates the new epoch and numbers
 * above every node that reported. A caller with floor 0 and no barrier under way is a new log:
 * numbered at once.
 *
 * <p>The notice goes out on the log's own channel after everything published before the loss,
 * so a node has taken every message it will ever get of the old epoch before it reports.
 */
final class LogRecovery {
    /** What a script answers first while the log recovers. */
    static final String RECOVERING = "recovering";
    /** How long a barrier lasts: twice the longest reconnect delay, so every node that is up has reported. */
    static final long SETTLE_MS = 2 * RedisLink.RECONNECT_MAX_DELAY_MS;
    /** The notice on the rooms' channel, followed by the room. */
    static final String ROOM_NOTICE = "!recovering ";
    /** The notice on the inboxes' channel, followed by the client. */
    static final String INBOX_NOTICE = "r ";
    /** How long a barrier's key outlives its lift time: a log nobody numbers in for that long starts over. */
    private static final long GRACE_MS = 60_000;

    /** The Lua lines that start a barrier: {@code lifts} set, {@code now} the time, {@code counterKey} … in scope. */
    private static final String START = String.join("\n",
            "    lifts = now + " + SETTLE_MS,
            "    redis.call('SET', recoveringKey, string.format('%.0f', lifts), 'PX', " + (SETTLE_MS + GRACE_MS) + ")",
            "    redis.call('PUBLISH', channel, notice)");

    /**
     * Lua: {@code barrier(counterKey, epochKey, recoveringKey, floor, channel, notice)} answers
     * {@code epoch, created} when the caller may number, else {@code false, ms left}.
     */
    static final String BARRIER = String.join("\n",
            "local function barrier(counterKey, epochKey, recoveringKey, floor, channel, notice)",
            "  local epoch = redis.call('GET', epochKey)",
            "  if epoch then return epoch, false end",
            "  if floor > tonumber(redis.call('GET', counterKey) or '0') then",
            "    redis.call('SET', counterKey, floor)",
            "  end",
            "  local t = redis.call('TIME')",
            "  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
            "  local lifts = tonumber(redis.call('GET', recoveringKey) or '0')",
            "  if lifts == 0 and floor > 0 then",
            START,
            "  end",
            "  if now < lifts then return false, lifts - now end",
            "  redis.call('DEL', recoveringKey)",
            "  epoch = t[1] .. string.format('%06d', t[2])",
            "  redis.call('SET', epochKey, epoch)",
            "  return epoch, true",
            "end");

    /**
     * A node's high-water mark of a log. KEYS: the offset counter, the epoch, the recovering key.
     * ARGV: the highest offset the node holds or has seen arrive, the channel, the notice. Raises
     * the counter to it; when the epoch is missing and no barrier is under way, starts one.
     * Returns 1 when it started a barrier, else 0.
     */
    static final String RAISE = String.join("\n",
            "local floor = tonumber(ARGV[1])",
            "if floor > tonumber(redis.call('GET', KEYS[1]) or '0') then",
            "  redis.call('SET', KEYS[1], floor)",
            "end",
            "if floor == 0 or redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then",
            "  return 0",
            "end",
            "local recoveringKey, channel, notice = KEYS[3], ARGV[2], ARGV[3]",
            "local t = redis.call('TIME')",
            "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
            "local lifts",
            START,
            "return 1");

    private LogRecovery() {
    }

    /** Whether a script's answer says the log recovers: nothing was numbered. */
    static boolean isRecovering(List<Object> result) {
        return !result.isEmpty() && RECOVERING.equals(result.get(0));
    }

    /** How long the barrier lasts still, from a recovering answer. */
    static long waitMs(List<Object> result) {
        return (Long) result.get(1);
    }

    /** What a client is told when its request came during a barrier. */
    static String refusal(String log, long waitMs) {
        return "cluster: " + log + " is recovering after Redis lost its data: nothing is numbered in it for about "
                + waitMs + " ms more, so that no offset is given twice; not stored, try again then";
    }
}
