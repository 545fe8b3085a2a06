package io.agentbus.protocol.frame;

/** A frame the server sends to a client. */
public sealed interface ServerFrame extends Frame
        permits Welcome, Pong, Ok, Msg, Presence, HistoryReply, DecisionUpdate, Dropped, ErrorFrame {
}
