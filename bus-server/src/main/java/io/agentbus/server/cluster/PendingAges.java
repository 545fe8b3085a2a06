package io.agentbus.server.cluster;

import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * When each request that waits for Redis was numbered, oldest first, so that a sweep can answer
 * the ones that waited too long (their entry may never be applied: lost by Redis, or held behind
 * one the journal refuses). A request answered meanwhile is simply skipped by the sweep's caller.
 * Sequencer thread only.
 */
final class PendingAges {
    private final ArrayDeque<long[]> ages = new ArrayDeque<>();

    /** Request {@code seq} starts waiting at {@code nowNs} (a {@link System#nanoTime()}); seqs come in order. */
    void added(long seq, long nowNs) {
        ages.addLast(new long[] {seq, nowNs});
    }

    /** Hands each request that started waiting at or before {@code cutoffNs} to {@code tooOld}, oldest first, and forgets it. */
    void sweep(long cutoffNs, LongConsumer tooOld) {
        while (!ages.isEmpty() && ages.peekFirst()[1] - cutoffNs <= 0) {
            tooOld.accept(ages.pollFirst()[0]);
        }
    }

    /** The message an old request is answered with ({@code overloaded}): the outcome is not known. */
    static String unknown(String what, long waitedMs) {
        return "cluster: " + what + " got no outcome within " + waitedMs + " ms: it may or may not have happened;"
                + " send it again with the same id to learn the outcome without a second copy";
    }
}
