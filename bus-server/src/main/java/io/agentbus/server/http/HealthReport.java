package io.agentbus.server.http;

import io.agentbus.server.cluster.ClusterHealth;
import io.agentbus.server.journal.JournalHealth;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.IntSupplier;

/**
 * {@code GET /health}: 200 while up ({@code "status":"up"}, or {@code "degraded"} while the
 * journal refuses appends, a cluster node cannot reach Redis, or the sequencer's internal queue
 * is deeper than {@code internal.queue.degraded}), 503 while starting or draining.
 */
public final class HealthReport {
    private final String version;
    private final ChannelGroup channels;
    private final MemoryReport memory = new MemoryReport();
    private final long startedAtMs = System.currentTimeMillis();
    private volatile Lifecycle lifecycle = Lifecycle.STARTING;
    private volatile JournalHealth journal;
    private volatile String auth = "none";
    private volatile ClusterHealth cluster;
    private volatile InternalQueueHealth queue;

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

    /** The cluster link whose trouble makes the status {@code degraded}; none for a single node. */
    public void cluster(ClusterHealth cluster) {
        this.cluster = cluster;
    }

    /**
     * The sequencer's internal queue, whose depth {@code /health} shows; past {@code degradedAbove}
     * notifications the status is {@code degraded}.
     */
    public void sequencer(IntSupplier internalDepth, int degradedAbove) {
        this.queue = new InternalQueueHealth(internalDepth, degradedAbove);
    }

    void respond(ChannelHandlerContext ctx, boolean keepAlive) {
        Lifecycle now = lifecycle;
        JournalHealth j = journal;
        String problem = j == null ? null : j.problem();
        ClusterHealth c = cluster;
        String clusterProblem = c == null ? null : c.problem();
        InternalQueueHealth q = queue;
        int depth = q == null ? 0 : q.depth();
        String queueProblem = q == null ? null : q.problem(depth);
        boolean degraded = problem != null || clusterProblem != null || queueProblem != null;
        String status = now == Lifecycle.UP && degraded ? "degraded" : now.wireName();
        String json = "{\"status\":\"" + status + "\",\"version\":" + HttpResponses.quote(version)
                + ",\"auth\":\"" + auth + "\",\"uptime_ms\":" + (System.currentTimeMillis() - startedAtMs)
                + ",\"connections\":" + channels.size() + ",\"memory\":" + memory.json()
                + (j == null ? "" : ",\"journal\":" + journalJson(j, problem))
                + (c == null ? "" : ",\"cluster\":" + clusterJson(c, clusterProblem))
                + (q == null ? "" : ",\"sequencer\":" + InternalQueueHealth.json(depth, queueProblem)) + "}";
        HttpResponses.json(ctx, keepAlive, now == Lifecycle.UP ? HttpResponseStatus.OK
                : HttpResponseStatus.SERVICE_UNAVAILABLE, json);
    }

    private static String clusterJson(ClusterHealth cluster, String problem) {
        return "{\"status\":\"" + (problem == null ? "ok" : "failing") + "\",\"redis\":"
                + HttpResponses.quote(cluster.redis())
                + (problem == null ? "" : ",\"problem\":" + HttpResponses.quote(problem)) + "}";
    }

    private static String journalJson(JournalHealth journal, String problem) {
        return "{\"status\":\"" + (problem == null ? "ok" : "failing") + "\",\"free_bytes\":" + journal.freeBytes()
                + (problem == null ? "" : ",\"problem\":" + HttpResponses.quote(problem)) + "}";
    }
}
