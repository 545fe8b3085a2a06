package io.agentbus.server.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the journal takes appends, for {@code /health}: written by the sequencer thread, read
 * by any. Only changes are logged, so a full disk under load logs twice, not once per refusal.
 */
public final class JournalHealth {
    private static final Logger LOG = LoggerFactory.getLogger(JournalHealth.class);

    private volatile String problem;
    private volatile long freeBytes = -1;

    /** Why appends fail now, or {@code null} when they succeed. */
    public String problem() {
        return problem;
    }

    /** Usable bytes on the journal's file system at the last check; -1 before the first. */
    public long freeBytes() {
        return freeBytes;
    }

    void freeBytes(long bytes) {
        freeBytes = bytes;
    }

    void failing(String why) {
        if (problem == null) {
            LOG.error("journal: appends fail from now on: {}", why);
        }
        problem = why;
    }

    void succeeding() {
        if (problem != null) {
            LOG.warn("journal: appends succeed again (after: {})", problem);
            problem = null;
        }
    }
}
