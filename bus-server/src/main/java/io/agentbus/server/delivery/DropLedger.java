package io.agentbus.server.delivery;

import io.agentbus.protocol.frame.Dropped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The room messages one connection lost to a full lane, as one offset range per room, until the
 * connection's event loop tells the client with {@code dropped} frames. Coalescing keeps it
 * small however long the client is slow: one range per room, from the first offset dropped to
 * the last (offsets in between may have been delivered; the client fetches the range with
 * {@code history} and skips what it has). The sequencer records, the event loop takes: the
 * only two threads that touch it, on this rare path, so a monitor is enough.
 */
final class DropLedger {
    private final Map<String, long[]> ranges = new HashMap<>();
    private volatile boolean pending;

    synchronized void record(String room, long offset) {
        long[] range = ranges.get(room);
        if (range == null) {
            ranges.put(room, new long[] {offset, offset});
        } else {
            range[0] = Math.min(range[0], offset);
            range[1] = Math.max(range[1], offset);
        }
        pending = true;
    }

    boolean isPending() {
        return pending;
    }

    /** The notices to send now; the ledger is empty afterwards. */
    synchronized List<Dropped> take() {
        List<Dropped> notices = new ArrayList<>(ranges.size());
        for (Map.Entry<String, long[]> e : ranges.entrySet()) {
            notices.add(new Dropped(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        ranges.clear();
        pending = false;
        return notices;
    }
}
