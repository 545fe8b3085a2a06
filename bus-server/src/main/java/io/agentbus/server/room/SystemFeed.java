package io.agentbus.server.room;

/**
 * The messages of a system room ({@code $sys.stats}), which the server writes: the newest
 * {@code capacity} are kept in memory for {@code join} with {@code since} and {@code history};
 * none is journaled. Offsets go up by one per message and start, at each start of the daemon, at
 * the epoch second it started: they never repeat across restarts, with a gap over the downtime.
 * Sequencer thread only.
 */
public final class SystemFeed {
    private final byte[][] frames;
    private final long firstOffset;
    private long lastOffset;

    public SystemFeed(int capacity, long firstOffset) {
        this.frames = new byte[capacity][];
        this.firstOffset = firstOffset;
        this.lastOffset = firstOffset - 1;
    }

    /** The offset of the newest message, or the one before the first while there is none. */
    public long lastOffset() {
        return lastOffset;
    }

    /** The oldest offset still kept. */
    public long firstKept() {
        return Math.max(firstOffset, lastOffset - frames.length + 1);
    }

    /** Keeps the encoded {@code msg} frame of the next offset, {@link #lastOffset()} + 1. */
    public void append(byte[] frame) {
        lastOffset++;
        frames[slot(lastOffset)] = frame;
    }

    /** The frame at {@code offset}, or {@code null} when it is not kept (any more). */
    public byte[] frame(long offset) {
        return offset < firstKept() || offset > lastOffset ? null : frames[slot(offset)];
    }

    private int slot(long offset) {
        return (int) Math.floorMod(offset, (long) frames.length);
    }
}
