package io.agentbus.protocol.frame;

/** A frame the server sends to a client. */
public sealed interface ServerFrame extends Frame
        permits Welcome, Pong, Ok, Msg, Presence, HistoryReply, DecisionUpdate, Dropped, ErrorFrame {
    /**
     * The request id this frame answers, or {@code null}: the direct replies ({@code welcome},
     * {@code pong}, {@code ok}, {@code history}, {@code error}) carry the request's; frames the
     * server sends on its own never do.
     */
    @Override
    default String rid() {
        return null;
    }
}
