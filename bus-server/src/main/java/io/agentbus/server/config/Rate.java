package io.agentbus.server.config;

/**
 * One rate limit: {@code perSecond} tokens refill a bucket that holds {@code burst} at most; a
 * frame, a byte or a connection takes one. {@code perSecond} 0 means no limit.
 *
 * @param setting the setting that gives it, named in refusals
 */
public record Rate(String setting, long perSecond, long burst) {
    /** Whether this limit applies at all. */
    public boolean on() {
        return perSecond > 0;
    }
}
