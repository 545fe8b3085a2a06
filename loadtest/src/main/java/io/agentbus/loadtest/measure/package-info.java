/**
 * What the harness measures, written by the event loops without waiting on anyone.
 *
 * <p>Each event loop owns one {@link io.agentbus.loadtest.measure.LoopMetrics}: HdrHistogram
 * {@code SingleWriterRecorder}s for delivery latency, publish-to-ack latency and the harness's own
 * send lag (how late after its intended instant a message was written) (microseconds,
 * 1 µs to 60 s, 3 significant digits) and counters that only that loop writes (ordered stores,
 * no read-modify-write), so receiving threads never contend. The
 * {@link io.agentbus.loadtest.measure.IntervalReporter} thread takes interval histograms every
 * second, sums the counters and hands both to its listeners (progress line, interval log,
 * timeline) before adding them to the run's totals.
 *
 * <p>Latency is corrected for coordinated omission: it is measured from the <em>intended</em> send
 * instant that the open-loop schedule gave the message, not from when the publisher got round to
 * sending it, so a publisher that falls behind adds its own queueing to the figures instead of
 * hiding it. {@link io.agentbus.loadtest.measure.SequenceTracker} tells first deliveries (in order
 * or late) from duplicates per publisher. {@link io.agentbus.loadtest.measure.HarnessGc} watches the
 * harness's own collections, whose pauses would land in the tails.
 */
package io.agentbus.loadtest.measure;
