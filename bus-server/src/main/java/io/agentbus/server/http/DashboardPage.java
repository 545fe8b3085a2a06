package io.agentbus.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /}: where the live dashboard will be served (its own issue). Until then, a page
 * that says so and links what already works.
 */
final class DashboardPage {
    private static final String PAGE = "<!doctype html><html><head><meta charset=\"utf-8\"><title>agentbus</title>"
            + "</head><body><h1>agentbus</h1><p>The live dashboard is not part of this version yet.</p><ul>"
            + "<li><a href=\"/health\">/health</a></li><li><a href=\"/api/v1/rooms\">/api/v1/rooms</a></li>"
            + "</ul><p>WebSocket endpoint: <code>/ws</code></p></body></html>";

    private DashboardPage() {
    }

    static void respond(ChannelHandlerContext ctx, boolean keepAlive) {
        HttpResponses.send(ctx, keepAlive, HttpResponseStatus.OK, "text/html; charset=utf-8",
                Unpooled.copiedBuffer(PAGE, StandardCharsets.UTF_8));
    }
}
