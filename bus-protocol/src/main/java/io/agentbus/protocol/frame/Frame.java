package io.agentbus.protocol.frame;

/** One JSON object of the wire protocol; {@link #op()} is its {@code "op"} field. */
public sealed interface Frame permits ClientFrame, ServerFrame {
    /** The frame's {@code "op"} as it appears on the wire. */
    String op();

    /** The request id: a request's own, or on a reply the request's it answers; {@code null} if none. */
    String rid();
}
