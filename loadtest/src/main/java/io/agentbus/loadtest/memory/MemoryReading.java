package io.agentbus.loadtest.memory;

import java.util.Map;

/**
 * One reading.
 *
 * @param bytes the figure compared before and after
 * @param parts what it is made of, by name (e.g. heap_used_bytes), for the report
 */
public record MemoryReading(long bytes, Map<String, Long> parts) {
}
