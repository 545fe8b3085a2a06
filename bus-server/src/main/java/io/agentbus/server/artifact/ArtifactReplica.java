package io.agentbus.server.artifact;

import java.io.IOException;
import java.util.concurrent.CompletionStage;

/**
 * Where the artifacts of every node are kept for the others, in cluster mode: a node that lacks
 * an artifact's file fetches its bytes from here (and then keeps them). Single nodes have none.
 */
public interface ArtifactReplica {
    /**
     * Keeps {@code data} under its {@code sha256} for the other nodes, blocking until it is kept.
     * Called on the artifact I/O thread.
     *
     * @throws IOException when it could not be kept
     */
    void put(String sha256, byte[] data) throws IOException;

    /** The bytes kept under {@code sha256}, or {@code null} when there are none; completes on another thread. */
    CompletionStage<byte[]> get(String sha256);
}
