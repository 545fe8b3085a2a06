/**
 * One immutable record per frame of the wire protocol, split by direction into
 * {@link io.agentbus.protocol.frame.ClientFrame} and {@link io.agentbus.protocol.frame.ServerFrame}
 * (sealed, so a switch over them is checked). The records know nothing of JSON: field names,
 * defaults and validation live in {@code codec}. Absent optional values are {@code null} or a
 * named sentinel constant (such as {@code NO_OFFSET}) rather than boxed numbers, and a message
 * body is kept as compact JSON text ({@link io.agentbus.protocol.frame.JsonValue}) so the server
 * can journal and forward it without ever building a tree.
 */
package io.agentbus.protocol.frame;
