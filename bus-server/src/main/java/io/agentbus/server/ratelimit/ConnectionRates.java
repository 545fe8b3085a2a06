package io.agentbus.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.Objects;

/**
 * The rate limits one connection answers to: its IP address's buckets from the start, its client
 * id's from {@code hello} on (or, over HTTP, those of the client a REST write's token names), and
 * its own count of refusals. Its event loop only (the buckets it
 * holds are shared and thread-safe).
 */
public final class ConnectionRates {
    /** Where a channel keeps its rates. */
    public static final AttributeKey<ConnectionRates> KEY = AttributeKey.valueOf("agentbus.rates");

    private final RateLimiter limiter;
    private final Allowance ip;
    private final Bucket refusals;
    private String clientId;
    private Allowance client;
    private Allowance refusedBy;
    private RateBucket refusedBucket;

    ConnectionRates(RateLimiter limiter, Allowance ip, int refusalsBeforeClose, long refusalWindowMs) {
        this.limiter = limiter;
        this.ip = ip;
        this.refusals = RateBucket.bucket(refusalsBeforeClose, refusalsBeforeClose,
                Duration.ofMillis(refusalWindowMs), SynchronizationStrategy.NONE);
    }

    /** Takes a new connection from the IP address's bucket: 0 when it may stay, else ms until one could. */
    public long connectionWaitMs() {
        RateBucket refused = ip == null ? null : ip.takeConnection();
        return refused == null ? 0 : refused(ip, refused, 1);
    }

    /** From {@code hello} on, frames also count against the client id's buckets. */
    public void client(String id) {
        clientId = id;
        client = limiter.acquireClient(id);
    }

    /**
     * Takes a frame of {@code length} bytes from the client's and the IP address's buckets: 0 when
     * it may pass, else the milliseconds until it could. A refused frame takes nothing.
     */
    public long admit(int length) {
        RateBucket refused = client == null ? null : client.take(length);
        if (refused != null) {
            return refused(client, refused, client.tokensFor(refused, length));
        }
        refused = ip == null ? null : ip.take(length);
        if (refused == null) {
            return 0;
        }
        if (client != null) {
            client.giveBack(length);
        }
        return refused(ip, refused, ip.tokensFor(refused, length));
    }

    /**
     * Takes a REST write of {@code length} bytes from the buckets of {@code clientId} (the subject
     * of the request's token; {@code null} without tokens) and of the IP address, like
     * {@link #admit}. Requests of one keep-alive connection may carry different tokens: the
     * connection holds the buckets of the latest request's client.
     */
    public long admitRequest(String clientId, int length) {
        if (!Objects.equals(clientId, this.clientId)) {
            release();
            if (clientId != null) {
                client(clientId);
            }
        }
        return admit(length);
    }

    /** Counts a refusal; {@code true} once this connection was refused more often than the window allows. */
    public boolean refusedTooOften() {
        return !refusals.tryConsume(1);
    }

    /** What the last refusal was over, e.g. "client 'coder-1' is over rate.messages.per.client (…)". */
    public String lastRefusal() {
        return refusedBy.who() + " is over " + refusedBucket.describe();
    }

    private long refused(Allowance who, RateBucket bucket, long tokens) {
        refusedBy = who;
        refusedBucket = bucket;
        return bucket.waitMs(tokens);
    }

    void release() {
        if (client != null) {
            limiter.releaseClient(clientId);
            client = null;
        }
        clientId = null;
    }
}
