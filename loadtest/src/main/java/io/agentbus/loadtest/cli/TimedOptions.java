package io.agentbus.loadtest.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** How long a fixed-rate scenario publishes (a picocli mixin). */
final class TimedOptions {
    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationArgument.Positive.class,
            defaultValue = "60s", description = "how long results are recorded, e.g. 500ms, 60s, 2m "
                    + "(default: ${DEFAULT-VALUE})")
    private long durationNanos;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationArgument.class, defaultValue = "5s",
            description = "how long to publish before recording, excluded from the results (default: ${DEFAULT-VALUE})")
    private long warmupNanos;

    long durationNanos() {
        return durationNanos;
    }

    long warmupNanos() {
        return warmupNanos;
    }

    void describe(Map<String, Object> config) {
        config.put("duration_ms", durationNanos / 1_000_000);
        config.put("warmup_ms", warmupNanos / 1_000_000);
    }
}
