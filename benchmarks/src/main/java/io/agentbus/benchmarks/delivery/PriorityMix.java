package io.agentbus.benchmarks.delivery;

import io.agentbus.protocol.Priority;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The priorities the producer offers at, in a fixed repeating order: of every 16 frames, 1
 * critical, 2 high, 11 normal and 2 low (most traffic is normal; the rest makes the lanes, and
 * the heap, do their ordering work).
 */
@State(Scope.Thread)
public class PriorityMix {
    private static final Priority[] PATTERN = {
        Priority.NORMAL, Priority.NORMAL, Priority.HIGH, Priority.NORMAL,
        Priority.LOW, Priority.NORMAL, Priority.NORMAL, Priority.CRITICAL,
        Priority.NORMAL, Priority.NORMAL, Priority.HIGH, Priority.NORMAL,
        Priority.NORMAL, Priority.LOW, Priority.NORMAL, Priority.NORMAL,
    };

    private int next;

    Priority next() {
        Priority priority = PATTERN[next];
        next = (next + 1) & (PATTERN.length - 1);
        return priority;
    }
}
