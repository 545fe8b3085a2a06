package io.agentbus.loadtest.memory;

/**
 * One probe's readings before connecting and after holding the connections.
 *
 * @param probe       which probe
 * @param before      the reading before connecting, or {@code null} if it failed
 * @param after       the reading after holding, or {@code null} if it failed
 * @param connections connections open at the second reading
 * @param problem     why a reading is missing, or {@code null}
 */
public record MemoryDelta(String probe, MemoryReading before, MemoryReading after, int connections, String problem) {

    public boolean measured() {
        return before != null && after != null && connections > 0;
    }

    /** (after − before) / connections, in bytes; only if {@link #measured()}. */
    public double bytesPerConnection() {
        return (double) (after.bytes() - before.bytes()) / connections;
    }
}
