package io.agentbus.server.cluster;

/**
 * The Lua scripts that append events to a room's log, each one atomic step in Redis. They share
 * the room's keys with the ordering script ({@link RedisLink}): KEYS[1] the offset counter,
 * KEYS[2] the stream, KEYS[3] the epoch, KEYS[4] the offset the epoch began at, KEYS[5] the
 * members hash (field {@code NODE/SESSION}, value the {@code leave} payload that removes the
 * member), KEYS[6] the decision counter, KEYS[7] the set of every room's id, KEYS[8] the room's
 * recovering key ({@link LogRecovery}: while Redis recovers a room it lost, no event is appended;
 * {@link #REAP} gets the dead node's heartbeat key there instead).
 *
 * <p>An event's stream id is {@code LAST-N}: LAST the room's last message offset, N one more than
 * the event before it after that message; it consumes no offset.
 */
final class EventScripts {
    /**
     * Sets {@code last} (the room's last offset, raised to ARGV[1], the highest this node knows,
     * when Redis lost the counter), {@code epoch} and {@code first} (created when missing, after
     * the room's recovery barrier when Redis lost it: until then the script returns
     * {@code whenRecovering}, {@code wait} the ms left in scope) and {@code n}, the next event's
     * number after message {@code last}.
     */
    private static String prelude(String whenRecovering) {
        return String.join("\n",
                LogRecovery.BARRIER,
                "local last = tonumber(redis.call('GET', KEYS[1]) or '0')",
                "local floor = tonumber(ARGV[1])",
                "if last < floor then",
                "  last = floor",
                "  redis.call('SET', KEYS[1], last)",
                "end",
                "local epoch, created = barrier(KEYS[1], KEYS[3], KEYS[8], floor, ARGV[3], '"
                        + LogRecovery.ROOM_NOTICE + "' .. ARGV[4])",
                "if not epoch then",
                "  local wait = created",
                "  return " + whenRecovering,
                "end",
                "if created then",
                "  redis.call('SET', KEYS[4], last + 1)",
                "end",
                "local first = redis.call('GET', KEYS[4]) or '1'",
                "local n = 1",
                "local top = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)",
                "if top[1] then",
                "  local id = top[1][1]",
                "  local dash = string.find(id, '-', 1, true)",
                "  if tonumber(string.sub(id, 1, dash - 1)) == last then",
                "    n = tonumber(string.sub(id, dash + 1)) + 1",
                "  end",
                "end",
                "local function append(payload, number)",
                "  local id = last .. '-' .. n",
                "  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], id, 'e', epoch, 'f', first, 'k', number,"
                        + " 'v', payload)",
                "  redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. id .. ' ' .. epoch .. ' ' .. first .. ' ' .. number"
                        + " .. '\\n' .. payload)",
                "  n = n + 1",
                "  return id",
                "end",
                "redis.call('SADD', KEYS[7], ARGV[4])");
    }

    /**
     * Appends one event. ARGV: floor, stream length, channel, room, payload, what it does to the
     * members hash ({@code add}, {@code remove} or {@code none}), the member's field, its value,
     * and the highest decision number this node knows (a proposal takes the next one; for other
     * events it is -1). Returns {last, n, epoch, number}, or {'recovering', ms left} without
     * appending.
     */
    static final String APPEND = String.join("\n", prelude("{'" + LogRecovery.RECOVERING + "', wait}"),
            "local number = 0",
            "if tonumber(ARGV[9]) >= 0 then",
            "  number = redis.call('INCR', KEYS[6])",
            "  if number <= tonumber(ARGV[9]) then",
            "    number = tonumber(ARGV[9]) + 1",
            "    redis.call('SET', KEYS[6], number)",
            "  end",
            "end",
            "if ARGV[6] == 'add' then",
            "  redis.call('HSET', KEYS[5], ARGV[7], ARGV[8])",
            "elseif ARGV[6] == 'remove' then",
            "  redis.call('HDEL', KEYS[5], ARGV[7])",
            "end",
            "local at = n",
            "append(ARGV[5], number)",
            "return {last, at, epoch, number}");

    /**
     * Removes every member of a dead node (ARGV[5] is {@code NODE/}) from the members hash and
     * appends its stored {@code leave}: a second run finds none left. KEYS[8] is the node's heartbeat
     * key: while it exists the node is alive and nothing is done. Nothing is done either when the
     * node has no member here, or when the room has no epoch (Redis lost its data: the next message
     * or event creates the epoch from what the nodes know, and a later run reaps). It creates no
     * epoch and sets no counter (unlike {@link #APPEND}'s prelude). ARGV[2..4] as for
     * {@link #APPEND}. Returns how many it removed.
     */
    static final String REAP = String.join("\n",
            "if redis.call('EXISTS', KEYS[8]) == 1 then return 0 end",
            "local fields = redis.call('HGETALL', KEYS[5])",
            "local gone = {}",
            "for i = 1, #fields, 2 do",
            "  if string.sub(fields[i], 1, #ARGV[5]) == ARGV[5] then",
            "    gone[#gone + 1] = i",
            "  end",
            "end",
            "if #gone == 0 then return 0 end",
            "local epoch = redis.call('GET', KEYS[3])",
            "if not epoch then return 0 end",
            "local last = tonumber(redis.call('GET', KEYS[1]) or '0')",
            "local first = redis.call('GET', KEYS[4]) or '1'",
            "local n = 1",
            "local top = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)",
            "if top[1] then",
            "  local id = top[1][1]",
            "  local dash = string.find(id, '-', 1, true)",
            "  local topLast = tonumber(string.sub(id, 1, dash - 1))",
            "  if topLast > last then",
            "    last = topLast",
            "  end",
            "  if topLast == last then",
            "    n = tonumber(string.sub(id, dash + 1)) + 1",
            "  end",
            "end",
            "for _, i in ipairs(gone) do",
            "  redis.call('HDEL', KEYS[5], fields[i])",
            "  local id = last .. '-' .. n",
            "  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], id, 'e', epoch, 'f', first, 'k', 0, 'v', fields[i + 1])",
            "  redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. id .. ' ' .. epoch .. ' ' .. first .. ' 0\\n'"
                    + " .. fields[i + 1])",
            "  n = n + 1",
            "end",
            "return #gone");

    /**
     * The room's members and the log position they are valid at, read in one step: {epoch or '',
     * first or '', the last stream id or '0-0', {field, value, …}}. KEYS as above.
     */
    static final String SNAPSHOT = String.join("\n",
            "local top = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)",
            "local last = '0-0'",
            "if top[1] then",
            "  last = top[1][1]",
            "end",
            "return {redis.call('GET', KEYS[3]) or '', redis.call('GET', KEYS[4]) or '', last,"
                    + " redis.call('HGETALL', KEYS[5])}");

    private EventScripts() {
    }
}
