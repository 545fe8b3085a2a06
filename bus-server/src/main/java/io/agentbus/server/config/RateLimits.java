package io.agentbus.server.config;

/**
 * The rate limits: frames and frame bytes per second per client id and per IP address, new
 * connections per second per IP address, and how many refusals within a window close a connection.
 * A bucket of frames or connections holds one second's worth; a bucket of bytes holds one second's
 * worth or the largest WebSocket message, whichever is more, so that any message that may be read
 * at all (an artifact) can pass.
 */
public record RateLimits(Rate messagesPerClient, Rate bytesPerClient, Rate messagesPerIp, Rate bytesPerIp,
                         Rate connectionsPerIp, int refusalsBeforeClose, long refusalWindowMs) {

    /** The highest rate a bucket refills at (Bucket4j: one token per nanosecond). */
    static final long MAX_PER_SECOND = 1_000_000_000L;

    static RateLimits parse(SettingParser p, int largestMessageBytes) {
        return new RateLimits(
                perSecond(p, Setting.RATE_MESSAGES_PER_CLIENT, MAX_PER_SECOND, 0),
                perSecond(p, Setting.RATE_BYTES_PER_CLIENT, MAX_PER_SECOND, largestMessageBytes),
                perSecond(p, Setting.RATE_MESSAGES_PER_IP, MAX_PER_SECOND, 0),
                perSecond(p, Setting.RATE_BYTES_PER_IP, MAX_PER_SECOND, largestMessageBytes),
                perSecond(p, Setting.RATE_CONNECTIONS_PER_IP, 10_000_000L, 0),
                p.intInRange(Setting.RATE_REFUSALS_BEFORE_CLOSE, 1, 1_000_000),
                p.longInRange(Setting.RATE_REFUSAL_WINDOW_MS, 100, 3_600_000L));
    }

    private static Rate perSecond(SettingParser p, Setting s, long max, long minBurst) {
        long rate = p.longInRange(s, 0, max);
        return new Rate(s.key(), rate, Math.max(rate, minBurst));
    }
}
