package io.agentbus.server.journal;

/**
 * How much of the journal to keep: at most {@code cycles} files and {@code bytes} bytes, newest
 * first; 0 means no limit of that kind.
 */
public record RetentionPolicy(int cycles, long bytes) {
    /** Everything is kept. */
    public static final RetentionPolicy KEEP_ALL = new RetentionPolicy(0, 0);
}
