package io.agentbus.client.session;

import java.util.List;

/**
 * Which of a client's nodes to connect to: the first one first, then, each time a connection
 * to the current one drops or fails, the next, round robin (a single node is always itself).
 * Used on the client's event loop only.
 *
 * @param <T> what stands for a node (its URI, or a connector to it)
 */
final class NodeRotation<T> {
    private final List<T> nodes;
    private int current;

    NodeRotation(List<T> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes");
        }
        this.nodes = List.copyOf(nodes);
    }

    /** The node to connect to now. */
    T current() {
        return nodes.get(current);
    }

    /** Moves to the next node, after the last back to the first; returns it. */
    T advance() {
        current = (current + 1) % nodes.size();
        return current();
    }
}
