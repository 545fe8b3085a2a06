package io.agentbus.server.cluster;

/** How long a node waits before reading the rooms' list or a room's snapshot again after a failure. */
final class SnapshotRetry {
    static final long FIRST_MS = 100;
    static final long MAX_MS = 5000;

    private SnapshotRetry() {
    }

    /** The delay after {@code failures} earlier failures (0 for the first): doubling from {@link #FIRST_MS} up to {@link #MAX_MS}. */
    static long delayMs(int failures) {
        return failures >= 6 ? MAX_MS : Math.min(MAX_MS, FIRST_MS << failures);
    }
}
