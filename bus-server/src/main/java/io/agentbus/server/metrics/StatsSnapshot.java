package io.agentbus.server.metrics;

import java.util.List;

/**
 * The bus as of one tick of the {@link StatsReporter}: what {@code /metrics} exports and what
 * {@code $sys.stats} publishes. Immutable.
 *
 * @param intervalMs     how long the interval since the previous tick was
 * @param connections    open WebSocket connections
 * @param rooms          rooms written by clients
 * @param totals         counters since the start
 * @param interval       counters in the interval
 * @param journalBytes   bytes of the journal files, or {@link DiskUsage#UNKNOWN}
 * @param diskFreeBytes  bytes free for the daemon on the journal's file system, or {@link DiskUsage#UNKNOWN}
 * @param roomSeries     the labelled series of the per-room counters, {@code other} last
 * @param busiestRooms   the busiest rooms of the interval, busiest first
 */
public record StatsSnapshot(long tsMs, long uptimeMs, long intervalMs, int connections, int rooms, Totals totals,
                            Totals interval, Latencies latencies, long journalBytes, long diskFreeBytes,
                            List<RoomLabels.LabelledCount> roomSeries, List<RoomRate> busiestRooms) {
    static StatsSnapshot initial(long nowMs) {
        return new StatsSnapshot(nowMs, 0, 0, 0, 0, Totals.ZERO, Totals.ZERO, Latencies.NONE, DiskUsage.UNKNOWN,
                DiskUsage.UNKNOWN, List.of(new RoomLabels.LabelledCount(RoomLabels.OTHER, 0, 0)), List.of());
    }
}
