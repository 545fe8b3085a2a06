package io.agentbus.loadtest.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * The server's WebSocket endpoint, {@code ws://HOST[:PORT][/PATH]} ({@code wss://} is not
 * supported: TLS would measure the harness's encryption more than the server).
 */
public record WsEndpoint(URI uri, String host, int port) {
    private static final int DEFAULT_PORT = 80;

    /** Parses {@code url}; throws {@link IllegalArgumentException} saying why it is not one. */
    public static WsEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw notAnEndpoint(url);
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw notAnEndpoint(url);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new WsEndpoint(uri, host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
    }

    /** Whether every address the host resolves to is a loopback address (127.0.0.0/8, ::1). */
    public boolean isLoopback() {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The HTTP URL of {@code path} on the same host and port, e.g. {@code /health}. */
    public URI http(String path) {
        return URI.create("http://" + uri.getRawAuthority() + path);
    }

    private static IllegalArgumentException notAnEndpoint(String url) {
        return new IllegalArgumentException("'" + url + "' is not a ws:// URL like ws://127.0.0.1:7070/ws");
    }
}
