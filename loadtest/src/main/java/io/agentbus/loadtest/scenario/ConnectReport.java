package io.agentbus.loadtest.scenario;

import org.HdrHistogram.Histogram;

/**
 * How opening the connections went.
 *
 * @param connections   connections asked for
 * @param ready         connections ready (connected, handshaken, joined/subscribed)
 * @param failed        connections that failed or were not ready in time
 * @param firstFailure  why the first one failed, or {@code null}
 * @param elapsedNanos  from the first connection attempt until the last one was ready
 * @param setupLatency  each ready connection's time from its attempt to ready, in microseconds
 */
public record ConnectReport(int connections, int ready, int failed, String firstFailure, long elapsedNanos,
                            Histogram setupLatency) {

    public boolean allReady() {
        return ready == connections;
    }

    /** Ready connections per second of {@link #elapsedNanos}. */
    public double connectionsPerSecond() {
        return elapsedNanos <= 0 ? 0 : ready * 1e9 / elapsedNanos;
    }
}
