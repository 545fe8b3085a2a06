/**
 * Delivery: the per-connection {@link io.agentbus.server.delivery.DeliveryQueue} with a lane per
 * priority, filled by the sequencer and drained by the connection's event loop, and the
 * {@link io.agentbus.server.delivery.FrameEncoder} that encodes each outbound frame once into a
 * reference-counted buffer that every receiver shares.
 */
package io.agentbus.server.delivery;
