/**
 * Rate limits, checked on the event loop before a request goes further: token buckets
 * (<a href="https://bucket4j.com">Bucket4j</a>, local, synchronized) for the frames and frame bytes
 * of each client id and each IP address, for the new connections of each IP address, and for the
 * refusals of each connection.
 *
 * <p>The buckets of a key live in a {@link io.agentbus.server.ratelimit.RateLimiter} map while a
 * connection uses them or while they are refilling: a connection looks its IP address's buckets up
 * once when it is accepted and its client id's once at {@code hello}, so the check of a frame is
 * two or four {@code tryConsume} calls, which take a monitor and allocate nothing. Only a refusal
 * allocates (the estimate of the wait, the message). Synchronized rather than lock-free buckets:
 * Bucket4j's lock-free bucket copies its state on every attempt, the synchronized one updates it in
 * place, and the monitor of one client's or one address's buckets is rarely contended.
 */
package io.agentbus.server.ratelimit;
