/**
 * The agentbus wire protocol v1 as Java types, shared by server, client library and tools:
 * the id rule ({@link io.agentbus.protocol.Ids}), priorities, error codes and the
 * {@link io.agentbus.protocol.ProtocolException} every decoding fault becomes. The frames are in
 * {@code frame}, their JSON form in {@code codec}. This module depends on nothing but
 * jackson-core so that every other module, and users' clients, can take it cheaply.
 */
package io.agentbus.protocol;
