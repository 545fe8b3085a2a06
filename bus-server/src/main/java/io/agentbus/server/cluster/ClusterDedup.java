package io.agentbus.server.cluster;

import java.util.List;

/**
 * De-duplication across nodes: the script that orders a message with an {@code id} first looks
 * for the id's key, {@code agentbus:{TARGET}:id:LENGTH:FROM:ID} (in the hash tag of the room's or
 * inbox's log, the sender's length first so that no two senders and ids make the same key), and
 * answers {@code {'duplicate', offset}} with the original's offset while it is there; otherwise it
 * orders the message and sets the key to its offset for {@code dedup.window.ms}.
 */
final class ClusterDedup {
    /** What the ordering scripts answer first for a duplicate. */
    static final String DUPLICATE = "duplicate";

    private ClusterDedup() {
    }

    /** The key of message {@code id} from {@code from} to {@code target} (a room, or {@code @CLIENT}). */
    static String key(String target, String from, String id) {
        return "agentbus:{" + target + "}:id:" + from.length() + ":" + from + ":" + id;
    }

    /** Whether an ordering script's answer says the message is a duplicate. */
    static boolean isDuplicate(List<Object> result) {
        return !result.isEmpty() && DUPLICATE.equals(result.get(0));
    }

    /** The original's offset, from a duplicate's answer. */
    static long original(List<Object> result) {
        return (Long) result.get(1);
    }
}
