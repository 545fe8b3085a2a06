package io.agentbus.server.config;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * How often the journal starts a new file (a cycle): retention deletes whole cycles. Five-minutely
 * and secondly exist for trying retention out and for tests; a daemon holding real work wants hourly
 * or daily.
 */
public enum JournalRollCycle implements Choice {
    SECONDLY("secondly", TestRollCycles.TEST_SECONDLY),
    FIVE_MINUTELY("five-minutely", RollCycles.FIVE_MINUTELY),
    HOURLY("hourly", RollCycles.FAST_HOURLY),
    DAILY("daily", RollCycles.FAST_DAILY);

    private final String configName;
    private final RollCycle chronicleCycle;

    JournalRollCycle(String configName, RollCycle chronicleCycle) {
        this.configName = configName;
        this.chronicleCycle = chronicleCycle;
    }

    /** Chronicle Queue's roll cycle for this setting. */
    public RollCycle chronicleCycle() {
        return chronicleCycle;
    }

    @Override
    public String configName() {
        return configName;
    }
}
