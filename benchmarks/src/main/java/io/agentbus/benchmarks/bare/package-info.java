/**
 * A bare Netty WebSocket broadcast server, the ceiling of the transport on a machine: the same
 * WebSocket handling as the daemon (HTTP codec and aggregator, upgrade at {@code /ws} without
 * extensions, fragments reassembled, 1 MiB messages, TCP_NODELAY, epoll where it loads) and
 * nothing else: no JSON, no journal, no queues, no back-pressure. Every text message any client
 * sends is written to every open connection, the sender included, as retained duplicates of the
 * one received buffer.
 *
 * <p>Writes are batched per read: the frames of one read batch go to the connections of each
 * event loop in one task on that loop (inline for the reader's own loop), and each connection is
 * flushed once per batch on its own event loop, so no event loop ever touches another's channels.
 * The load harness drives it as target {@code netty}; the daemon's throughput at equal p99 as a
 * fraction of this server's is agentbus's overhead figure.
 */
package io.agentbus.benchmarks.bare;
