package io.agentbus.server.session;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.util.List;

/**
 * The token a client may send with the WebSocket upgrade instead of in {@code hello}: the
 * {@code Authorization: Bearer} header, or {@code ?token=} in the URL (browsers cannot set headers).
 */
final class UpgradeToken {
    private static final String BEARER = "Bearer ";

    private UpgradeToken() {
    }

    /** The upgrade request's token, or {@code null}. */
    static String of(HandshakeComplete handshake) {
        String header = handshake.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        List<String> query = new QueryStringDecoder(handshake.requestUri()).parameters().get("token");
        return query == null || query.isEmpty() ? null : query.get(0);
    }
}
