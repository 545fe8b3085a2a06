package io.agentbus.server.cluster;

/** The cluster's Lua scripts for tests in other packages, which run them against a real redis-server. */
public final class ClusterScripts {
    private ClusterScripts() {
    }

    /**
     * Removes node {@code NODE}'s members of a room at once, as a live node does when that node's
     * heartbeat expired: deletes the heartbeat (KEYS[8]) first, then runs the reaping script. KEYS and
     * ARGV as for that script: the room's offset, log, epoch, epoch-first, members, decisions keys,
     * the rooms' set, the heartbeat; 0, the stream's length, the channel, the room, {@code NODE/}.
     * Then runs {@code after} (Lua, same KEYS and ARGV) and returns how many members it removed.
     */
    public static String reapNow(String after) {
        return String.join("\n", "redis.call('DEL', KEYS[8])", "local function reap()", EventScripts.REAP, "end",
                "local removed = reap()", after, "return removed");
    }

    /** Every key of {@code room}'s log that {@link #reapNow} takes, and node {@code node}'s heartbeat key. */
    public static String[] reapKeys(String room, String node) {
        String tag = "agentbus:{" + room + "}:";
        return new String[] {tag + "offset", tag + "log", tag + "epoch", tag + "epoch-first", tag + "members",
            tag + "decisions", "agentbus:rooms", "agentbus:node:" + node};
    }

    /** The channel every node listens to. */
    public static String channel() {
        return RedisLink.CHANNEL;
    }
}
