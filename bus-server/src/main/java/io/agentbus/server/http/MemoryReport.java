package io.agentbus.server.http;

import io.netty.buffer.PooledByteBufAllocator;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The daemon's memory as {@code /health} reports it: heap in use (live objects and garbage not
 * yet collected), Netty's pooled direct memory (socket buffers, encoded frames) and other NIO
 * direct buffers. The load harness reads it to measure memory per connection.
 */
final class MemoryReport {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final BufferPoolMXBean directPool = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
            .stream().filter(pool -> "direct".equals(pool.getName())).findFirst().orElse(null);

    /** A JSON object: {@code {"heap_used_bytes":N,"netty_direct_bytes":N,"nio_direct_bytes":N}}. */
    String json() {
        return "{\"heap_used_bytes\":" + memory.getHeapMemoryUsage().getUsed()
                + ",\"netty_direct_bytes\":" + PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory()
                + ",\"nio_direct_bytes\":" + (directPool == null ? 0 : directPool.getMemoryUsed()) + "}";
    }
}
