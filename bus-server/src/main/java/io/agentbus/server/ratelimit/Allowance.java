package io.agentbus.server.ratelimit;

import io.agentbus.server.config.Rate;

/**
 * The buckets of one IP address or one client id, shared by its connections on any event loop.
 * {@link #users} changes only inside the owning map's {@code compute} for this key.
 */
final class Allowance {
    private static final Rate NO_LIMIT = new Rate("", 0, 0);

    private final String who;
    private final RateBucket messages;
    private final RateBucket bytes;
    private final RateBucket connections;
    int users;

    Allowance(String who, Rate messages, Rate bytes, Rate connections) {
        this.who = who;
        this.messages = new RateBucket(messages, "frames");
        this.bytes = new RateBucket(bytes, "bytes");
        this.connections = new RateBucket(connections == null ? NO_LIMIT : connections, "new connections");
    }

    /** Takes a frame of {@code length} bytes; returns the bucket that refused it, or {@code null}. */
    RateBucket take(int length) {
        if (!messages.tryTake(1)) {
            return messages;
        }
        if (!bytes.tryTake(length)) {
            messages.giveBack(1);
            return bytes;
        }
        return null;
    }

    void giveBack(int length) {
        messages.giveBack(1);
        bytes.giveBack(length);
    }

    /** Takes a new connection; returns the bucket that refused it, or {@code null}. */
    RateBucket takeConnection() {
        return connections.tryTake(1) ? null : connections;
    }

    /** Tokens the refusing bucket {@code refused} of this allowance needed for a frame of {@code length} bytes. */
    long tokensFor(RateBucket refused, int length) {
        return refused == bytes ? length : 1;
    }

    /** Nobody uses it and every bucket is full: forgetting it changes nothing. */
    boolean idle() {
        return users == 0 && messages.full() && bytes.full() && connections.full();
    }

    /** E.g. "client 'coder-1'" or "IP address 10.0.0.7". */
    String who() {
        return who;
    }
}
