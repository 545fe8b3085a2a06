package io.agentbus.server.metrics;

import io.agentbus.protocol.Priority;
import java.util.Arrays;

/**
 * Every latency as of one tick.
 *
 * @param delivery        by {@link Priority#ordinal()}
 * @param deliveryAll     the four priorities together
 */
public record Latencies(LatencySnapshot ingressWait, LatencySnapshot publishAck, LatencySnapshot journalAppend,
                        LatencySnapshot[] delivery, LatencySnapshot deliveryAll) {
    static final Latencies NONE = none();

    private static Latencies none() {
        LatencySnapshot[] delivery = new LatencySnapshot[Priority.values().length];
        Arrays.fill(delivery, LatencySnapshot.EMPTY);
        return new Latencies(LatencySnapshot.EMPTY, LatencySnapshot.EMPTY, LatencySnapshot.EMPTY, delivery,
                LatencySnapshot.EMPTY);
    }

    public LatencySnapshot delivery(Priority priority) {
        return delivery[priority.ordinal()];
    }
}
