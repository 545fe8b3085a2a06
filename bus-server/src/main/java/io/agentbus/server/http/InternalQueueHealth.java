package io.agentbus.server.http;

import java.util.function.IntSupplier;

/**
 * The sequencer's internal queue as {@code /health} shows it: how many notifications wait in it
 * (in cluster mode every node's room and inbox traffic), and a problem past
 * {@code internal.queue.degraded}: the node applies what arrives slower than it comes.
 */
final class InternalQueueHealth {
    private final IntSupplier depth;
    private final int degradedAbove;

    InternalQueueHealth(IntSupplier depth, int degradedAbove) {
        this.depth = depth;
        this.degradedAbove = degradedAbove;
    }

    int depth() {
        return depth.getAsInt();
    }

    /** What is wrong with a queue this deep, or {@code null}. */
    String problem(int depth) {
        return depth <= degradedAbove ? null : depth + " notifications wait in the sequencer's internal queue, more"
                + " than internal.queue.degraded=" + degradedAbove + ": this node applies what arrives (in cluster"
                + " mode, the room and inbox traffic of every node) slower than it comes, and its memory grows";
    }

    static String json(int depth, String problem) {
        return "{\"status\":\"" + (problem == null ? "ok" : "failing") + "\",\"internal_queue\":" + depth
                + (problem == null ? "" : ",\"problem\":" + HttpResponses.quote(problem)) + "}";
    }
}
