/**
 * Metrics: what the path of one message records as it runs, and how it is shown. Event loops and
 * the sequencer record latencies into HdrHistogram recorders (one single-writer recorder per
 * thread, {@link io.agentbus.server.metrics.LatencyRecorder}) and count into
 * {@link java.util.concurrent.atomic.LongAdder}s ({@link io.agentbus.server.metrics.BusMetrics});
 * rooms count their own messages on the sequencer thread. Recording never locks, waits or
 * allocates. Once a second the {@link io.agentbus.server.metrics.StatsReporter} (its own thread)
 * swaps the interval histograms out, asks the sequencer for the rooms' counts and makes an
 * immutable {@link io.agentbus.server.metrics.StatsSnapshot}: {@code GET /metrics}
 * ({@link io.agentbus.server.metrics.PrometheusMetrics}, the official Prometheus client) answers
 * from the latest one, and each is published as JSON into the {@code $sys.stats} room, which the
 * dashboard joins.
 */
package io.agentbus.server.metrics;
