package io.agentbus.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code GET /health}: 200 while up, 503 while starting or draining. */
public final class HealthReport {
    private final String version;
    private final ChannelGroup channels;
    private final MemoryReport memory = new MemoryReport();
    private final long startedAtMs = System.currentTimeMillis();
    private volatile Lifecycle lifecycle = Lifecycle.STARTING;

    public HealthReport(String version, ChannelGroup channels) {
        this.version = version;
        this.channels = channels;
    }

    public void lifecycle(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void respond(ChannelHandlerContext ctx, boolean keepAlive) {
        Lifecycle now = lifecycle;
        String json = "{\"status\":\"" + now.wireName() + "\",\"version\":" + HttpResponses.quote(version)
                + ",\"uptime_ms\":" + (System.currentTimeMillis() - startedAtMs)
                + ",\"connections\":" + channels.size() + ",\"memory\":" + memory.json() + "}";
        HttpResponses.json(ctx, keepAlive, now == Lifecycle.UP ? HttpResponseStatus.OK
                : HttpResponseStatus.SERVICE_UNAVAILABLE, json);
    }
}
