package io.agentbus.client.session;

import java.util.TreeSet;

/**
 * Which offsets of one sequence (a room, or the inbox) the application has been handed, so each
 * is handed over once: everything up to {@link #contiguous()}, plus the offsets above it that
 * arrived early (a {@code high} message overtaking a {@code low} one, a replay after a gap).
 *
 * <p>Until {@link #anchor(long) anchored}, the start of the sequence is unknown and any offset
 * not seen yet is accepted; the inbox starts that way when the server's cursor decides what is
 * sent first.
 */
public final class OffsetTracker {
    private final TreeSet<Long> above = new TreeSet<>();
    private boolean anchored;
    private long contiguous;

    /** Fixes the start: every offset up to {@code offset} counts as handed over. No-op once anchored. */
    public void anchor(long offset) {
        if (anchored) {
            return;
        }
        anchored = true;
        contiguous = offset;
        above.headSet(offset, true).clear();
        advance();
    }

    /**
     * Offsets up to {@code offset} no longer exist (retention deleted them): count them as handed
     * over, so the contiguous range can move past the hole. Anchors an unanchored tracker.
     */
    public void skipTo(long offset) {
        if (!anchored) {
            anchor(offset);
            return;
        }
        if (offset > contiguous) {
            contiguous = offset;
            above.headSet(offset, true).clear();
            advance();
        }
    }

    public boolean isAnchored() {
        return anchored;
    }

    /**
     * Records {@code offset}; {@code true} the first time (hand it to the application),
     * {@code false} for an offset already handed over.
     */
    public boolean accept(long offset) {
        if (anchored && offset <= contiguous) {
            return false;
        }
        if (!above.add(offset)) {
            return false;
        }
        if (anchored) {
            advance();
        }
        return true;
    }

    /** Whether {@code offset} was handed over. */
    public boolean has(long offset) {
        return (anchored && offset <= contiguous) || above.contains(offset);
    }

    /**
     * The highest offset up to which everything was handed over; unanchored, the offset before
     * the lowest one seen (-1 when none was).
     */
    public long contiguous() {
        if (anchored) {
            return contiguous;
        }
        return above.isEmpty() ? -1 : above.first() - 1;
    }

    /** Offsets handed over above the contiguous range (gaps still open below them). */
    public int pendingAbove() {
        return above.size();
    }

    private void advance() {
        while (!above.isEmpty() && above.first() == contiguous + 1) {
            contiguous = above.pollFirst();
        }
    }
}
