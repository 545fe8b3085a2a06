package io.agentbus.client;

import io.agentbus.client.transport.Connector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The WebSocket endpoints of the nodes a client may connect to: one for a single daemon, several
 * for a cluster ({@code ws://a:7070/ws,ws://b:7070/ws}). The client starts with the first and
 * moves to the next, round robin, each time a connection drops or a node refuses it.
 */
public final class ServerUris {
    private ServerUris() {
    }

    /**
     * The comma-separated list {@code text} (spaces around commas allowed), each a
     * {@code ws://host[:port]/path} URL, in order.
     *
     * @throws IllegalArgumentException naming the faulty entry: an empty one (two commas in a row,
     *                                  a comma at either end), one that is not a {@code ws://} URL
     *                                  with a host, or one listed twice
     */
    public static List<URI> parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split(",", -1);
        List<URI> uris = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("entry " + (i + 1) + " of the URL list '" + text
                        + "' is empty: separate ws:// URLs with single commas");
            }
            uris.add(parseOne(part));
        }
        return requireValid(uris);
    }

    /**
     * {@code uris} as an unmodifiable list, after checking it can be connected to.
     *
     * @throws IllegalArgumentException if it is empty, or an entry is not a {@code ws://} URL
     *                                  with a host, or is listed twice
     */
    public static List<URI> requireValid(List<URI> uris) {
        Objects.requireNonNull(uris, "uris");
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no server URI given: name at least one ws:// URL");
        }
        Set<URI> seen = new HashSet<>();
        for (URI uri : uris) {
            Connector.requireServerUri(Objects.requireNonNull(uri, "a server URI is null"));
            if (!seen.add(uri)) {
                throw new IllegalArgumentException("the server URI " + uri + " is listed twice");
            }
        }
        return List.copyOf(uris);
    }

    private static URI parseOne(String part) {
        URI uri;
        try {
            uri = new URI(part);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + part + "' is not a URL: " + e.getReason(), e);
        }
        try {
            return Connector.requireServerUri(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + part + "' is not a ws:// URL like ws://127.0.0.1:7070/ws", e);
        }
    }
}
