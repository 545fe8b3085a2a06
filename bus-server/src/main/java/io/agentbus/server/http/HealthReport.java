package io.agentbus.server.http;

import io.agentbus.server.journal.JournalHealth;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code GET /health}: 200 while up ({@code "status":"up"}, or {@code "degraded"} while the
 * journal refuses appends), 503 while starting or draining.
 */
public final class HealthReport {
    private final String version;
    private final ChannelGroup channels;
    private final MemoryReport memory = new MemoryReport();
    private final long startedAtMs = System.currentTimeMillis();
    private volatile Lifecycle lifecycle = Lifecycle.STARTING;
    private volatile JournalHealth journal;
    private volatile String auth = "none";

    public HealthReport(String version, ChannelGroup channels) {
        this.version = version;
        this.channels = channels;
    }

    public void lifecycle(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The auth mode shown: {@code token}, or {@code none} (development mode, shown so nobody misses it). */
    public void auth(String mode) {
        this.auth = mode;
    }

    /** The journal whose trouble makes the status {@code degraded}. */
    public void journal(JournalHealth journal) {
        this.journal = journal;
    }

    void respond(ChannelHandlerContext ctx, boolean keepAlive) {
        Lifecycle now = lifecycle;
        JournalHealth j = journal;
        String problem = j == null ? null : j.problem();
        String status = now == Lifecycle.UP && problem != null ? "degraded" : now.wireName();
        String json = "{\"status\":\"" + status + "\",\"version\":" + HttpResponses.quote(version)
                + ",\"auth\":\"" + auth + "\",\"uptime_ms\":" + (System.currentTimeMillis() - startedAtMs)
                + ",\"connections\":" + channels.size() + ",\"memory\":" + memory.json()
                + (j == null ? "" : ",\"journal\":" + journalJson(j, problem)) + "}";
        HttpResponses.json(ctx, keepAlive, now == Lifecycle.UP ? HttpResponseStatus.OK
                : HttpResponseStatus.SERVICE_UNAVAILABLE, json);
    }

    private static String journalJson(JournalHealth journal, String problem) {
        return "{\"status\":\"" + (problem == null ? "ok" : "failing") + "\",\"free_bytes\":" + journal.freeBytes()
                + (problem == null ? "" : ",\"problem\":" + HttpResponses.quote(problem)) + "}";
    }
}
