package io.agentbus.server.cluster;

/** Redis cannot be reached when the node starts: a cluster node does not start without it. */
public final class ClusterUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
