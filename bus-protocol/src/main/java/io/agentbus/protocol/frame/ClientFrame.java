package io.agentbus.protocol.frame;

/** A frame a client sends to the server. */
public sealed interface ClientFrame extends Frame
        permits Hello, Ping, Join, Leave, Pub, HistoryRequest, Send, Propose, Vote, ArtifactUpload {
    /** The request id the reply echoes, or {@code null}. */
    @Override
    String rid();
}
