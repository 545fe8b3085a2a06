/**
 * The servers the harness can drive ({@code --target}), each behind
 * {@link io.agentbus.loadtest.adapter.TargetSession} (the package is not called {@code target}:
 * .gitignore ignores every directory of that name):
 * one session per connection speaks that server's protocol over a
 * {@link io.agentbus.loadtest.transport.WsChannel} and reports readiness, deliveries, acks and
 * errors to its {@link io.agentbus.loadtest.adapter.SessionEvents}.
 *
 * <ul>
 *   <li>{@code agentbus}: {@code hello} → {@code welcome}, {@code join} (echo on) → {@code ok};
 *       {@code pub}/{@code send} whose {@code rid} is the intended send time, so the {@code ok}
 *       gives publish-to-ack latency without a lookup; frames are told apart by their leading
 *       {@code {"op":"…"}, which the server always writes first.</li>
 *   <li>{@code nats}: the NATS text protocol in WebSocket frames ({@code INFO} → {@code CONNECT},
 *       {@code SUB}, {@code PING} → {@code PONG}; {@code PUB}; {@code MSG}), rooms as subjects
 *       {@code room.NAME}, direct messages as {@code dm.CLIENT}; a frame may hold several
 *       protocol messages and one message may span frames ({@link io.agentbus.loadtest.adapter.NatsParser}).</li>
 *   <li>{@code netty}: a bare broadcast server; every frame is just the payload, and every frame
 *       sent is broadcast to every connection, so it supports the fan-out only.</li>
 * </ul>
 *
 * <p>Hot-path rule: frames are recognised by comparing bytes and the body by
 * {@link io.agentbus.loadtest.payload.PayloadScanner}; nothing is parsed into objects, and a frame
 * that cannot be read is counted as malformed, never thrown out of the event loop.
 */
package io.agentbus.loadtest.adapter;
