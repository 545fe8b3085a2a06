package io.agentbus.server.dedup;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The message ids sequenced within the last {@code windowMs}, each with the offset its message
 * was acknowledged with. A message sequenced at {@code ts} is in the window while
 * {@code now - ts < windowMs}; at {@code windowMs} it is forgotten. At most {@code maxIds} are
 * kept: over that, the oldest is forgotten first, so memory stays bounded whatever the rate.
 *
 * <p>Ids are remembered in sequencing order, in which timestamps do not decrease, so the oldest
 * is always at the head of a FIFO: eviction looks only at the head and costs O(1) amortised per
 * message, without scans. A window of 0 turns de-duplication off: nothing is remembered.
 *
 * <p>Memory per id (64-bit JVM, compressed oops), measured at about 166 bytes for a 16-character
 * id: the key, the entry and the map node (32 bytes each), map table and FIFO slots (~14) and
 * the id string itself (56). A sender or target string not shared with the rest of the state
 * (the recipient of a {@code send}; sender and room of an id rebuilt from the journal) adds
 * about 48 bytes each, up to ~260 bytes per id.
 *
 * <p>Owned by the sequencer thread; not thread-safe.
 */
public final class RecentIds {
    /** What {@link #offsetOf} answers for a message not sequenced within the window. */
    public static final long NOT_SEEN = -1;

    private final long windowMs;
    private final int maxIds;
    private final Map<MessageKey, Entry> byKey = new HashMap<>();
    private final ArrayDeque<Entry> oldestFirst = new ArrayDeque<>();

    /**
     * @param windowMs how long an id is remembered, ≥ 0; 0 disables de-duplication
     * @param maxIds   the most ids remembered at once, ≥ 1
     */
    public RecentIds(long windowMs, int maxIds) {
        if (windowMs < 0 || maxIds < 1) {
            throw new IllegalArgumentException("window " + windowMs + " ms, max ids " + maxIds);
        }
        this.windowMs = windowMs;
        this.maxIds = maxIds;
    }

    /** Whether ids are remembered at all ({@code false} for a window of 0). */
    public boolean enabled() {
        return windowMs > 0;
    }

    /** Whether a message sequenced at {@code tsMs} is still in the window at {@code nowMs}. */
    public boolean inWindow(long tsMs, long nowMs) {
        return enabled() && nowMs - tsMs < windowMs;
    }

    /**
     * The offset the message with this key was acknowledged with, or {@link #NOT_SEEN} if none
     * was sequenced within the window before {@code nowMs} (or {@code key} is {@code null}: a
     * message without id). Forgets what has left the window.
     */
    public long offsetOf(MessageKey key, long nowMs) {
        if (key == null) {
            return NOT_SEEN;
        }
        evictOutside(nowMs);
        Entry entry = byKey.get(key);
        return entry == null || !inWindow(entry.tsMs, nowMs) ? NOT_SEEN : entry.offset;
    }

    /**
     * Remembers a message sequenced at {@code tsMs} (not before the last one remembered) with
     * the offset it was acknowledged with; forgets the oldest ids over the limit. A {@code null}
     * key (a message without id) is not remembered.
     */
    public void remember(MessageKey key, long offset, long tsMs) {
        if (key == null || !enabled()) {
            return;
        }
        Entry entry = new Entry(key, offset, tsMs);
        byKey.put(key, entry);
        oldestFirst.addLast(entry);
        evictOutside(tsMs);
        while (byKey.size() > maxIds) {
            evictOldest();
        }
    }

    /** How many ids are remembered. */
    public int size() {
        return byKey.size();
    }

    private void evictOutside(long nowMs) {
        Entry head = oldestFirst.peekFirst();
        while (head != null && !inWindow(head.tsMs, nowMs)) {
            evictOldest();
            head = oldestFirst.peekFirst();
        }
    }

    /** Only removes the key if it still maps to this entry (it may have been remembered again since). */
    private void evictOldest() {
        Entry oldest = oldestFirst.pollFirst();
        byKey.remove(oldest.key, oldest);
    }

    /** Compared by identity, so eviction removes exactly the entry it dequeued. */
    private static final class Entry {
        final MessageKey key;
        final long offset;
        final long tsMs;

        Entry(MessageKey key, long offset, long tsMs) {
            this.key = key;
            this.offset = offset;
            this.tsMs = tsMs;
        }
    }
}
