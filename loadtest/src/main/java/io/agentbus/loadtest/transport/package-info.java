/**
 * The harness's own lean WebSocket client on Netty: native epoll event loops where they load
 * (NIO otherwise), connections pinned round-robin to the loops, the RFC 6455 client handshake
 * without extensions (no compression), frames of at most 1 MiB, text frames written with void
 * promises and flushed once per batch. It knows nothing of any server's protocol: it hands each
 * data frame's bytes to a {@link io.agentbus.loadtest.transport.FrameListener}.
 */
package io.agentbus.loadtest.transport;
