package io.agentbus.client.cli;

import java.net.URI;
import java.util.List;

/**
 * The value of {@code --url}: one node's WebSocket URL, or a comma-separated list of a cluster's
 * nodes, tried in order, round robin, when a connection drops.
 *
 * @param uris at least one, each {@code ws://} with a host, none twice
 */
record ServerUrls(List<URI> uris) {
    /** The first node: the one {@code rooms} asks over HTTP. */
    URI first() {
        return uris.get(0);
    }

    @Override
    public String toString() {
        return uris.size() == 1 ? first().toString() : "any of " + uris;
    }
}
