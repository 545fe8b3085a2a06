/**
 * The per-connection delivery structure under one producer (the sequencer) and one consumer (the
 * connection's event loop): agentbus's JCTools SPSC lanes (chunked queues that grow to their
 * capacity, a control and a replay lane polled before one lane per priority) against a
 * {@link java.util.concurrent.PriorityBlockingQueue} ordered by priority then sequence, and an
 * {@link java.util.concurrent.ArrayBlockingQueue} that ignores priorities (the floor).
 *
 * <p>{@code DeliveryQueue} itself cannot be drained without a channel (its drain writes frames
 * to the socket), so {@link io.agentbus.benchmarks.delivery.SpscPriorityLanes} rebuilds its lane
 * structure: the same queues, offered and polled the same way.
 */
package io.agentbus.benchmarks.delivery;
