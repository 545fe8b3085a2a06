package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.memory.MemoryDelta;
import java.util.List;

/**
 * What the connect storm measured.
 *
 * @param connect   how connecting went
 * @param holdNanos how long the connections were held idle before the second memory reading
 * @param memory    one entry per memory probe
 */
public record StormResult(ConnectReport connect, long holdNanos, List<MemoryDelta> memory) {
}
