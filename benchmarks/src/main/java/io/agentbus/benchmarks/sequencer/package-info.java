/**
 * The sequencer end to end, in one process without sockets: typical messages submitted as an
 * event loop submits them, sequenced (offset, dedup, journal append, acknowledgement) and fanned
 * out to a room of 500 members, each a real {@code Session} with its {@code DeliveryQueue} drained
 * by its own event loop into Netty's in-VM transport ({@code LocalChannel}), which stands in for
 * the socket. The benchmark counts the {@code msg} frames that come out at the members' far ends
 * and the {@code ok} frames at the publisher's (an {@code error} frame fails the run), so it
 * measures the work done, not the enqueueing of it: messages per second published, and (as an
 * auxiliary counter) deliveries per second. Queue capacities, the dedup window, the write buffer
 * water marks and the roll cycle are the server's defaults, read from its {@code ServerConfig}.
 */
package io.agentbus.benchmarks.sequencer;
