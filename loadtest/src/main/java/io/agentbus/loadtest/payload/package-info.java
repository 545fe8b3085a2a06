/**
 * The measured message body and how it is written and found again, without a JSON parser and
 * without allocating per message.
 *
 * <p>Every body is {@code {"t":T,"p":P,"s":S,"x":"aaa…"}}: {@code T} the intended send instant in
 * nanoseconds since the run's origin (one process sends and receives, so {@link System#nanoTime}
 * is a shared clock), {@code P} the publisher's index, {@code S} its sequence number, and padding
 * up to the body size asked for. It is valid JSON, so agentbus carries it as a message body, and
 * the same bytes are the whole payload for NATS and the bare broadcast server. Receivers find the
 * fields by scanning bytes ({@link io.agentbus.loadtest.payload.PayloadScanner}); a malformed or
 * truncated body is reported as {@code false}, never thrown, so it cannot kill an event loop.
 */
package io.agentbus.loadtest.payload;
