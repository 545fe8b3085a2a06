package io.agentbus.loadtest.memory;

import java.io.IOException;

/** One way to read the server's memory. */
public interface MemoryProbe {
    /** What it reads, e.g. {@code rss(pid 1234)}. */
    String name();

    /** The server's memory now, in bytes, with its parts. */
    MemoryReading read() throws IOException;
}
