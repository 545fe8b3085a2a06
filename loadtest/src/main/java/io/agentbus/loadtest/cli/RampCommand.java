package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.report.ProgressLine;
import io.agentbus.loadtest.scenario.ConnectReport;
import io.agentbus.loadtest.scenario.Harness;
import io.agentbus.loadtest.scenario.LoadPlan;
import io.agentbus.loadtest.scenario.Ramp;
import io.agentbus.loadtest.scenario.RampSpec;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loadtest ramp}: the fan-out at rising rates until it breaks; the knee is the last rate that held. */
@Command(name = "ramp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The fanout shape at rising total rates: steps of --step-duration from --start-rate, each "
                + "--step-factor times the previous, until a step's p99 exceeds --p99-bound, it delivers less than "
                + "95%% of its messages by its end, or it loses, duplicates or errs. Reports every step and the knee "
                + "(the highest rate that passed).",
            "Example: agentbus loadtest ramp --connections 500 --start-rate 100 --step-factor 1.5"})
final class RampCommand extends ScenarioCommand {
    @Option(names = {"-p", "--publishers"}, paramLabel = "N", converter = CountArgument.class, defaultValue = "10",
            description = "how many of the connections publish (default: ${DEFAULT-VALUE})")
    int publishers;

    @Option(names = "--start-rate", paramLabel = "MSG_PER_SECOND", converter = RateArgument.class,
            defaultValue = "100", description = "total msg/s of the first step (default: ${DEFAULT-VALUE})")
    double startRate;

    @Option(names = "--step-factor", paramLabel = "FACTOR", converter = RateArgument.class, defaultValue = "1.5",
            description = "each step's rate is the previous one times this, over 1 (default: ${DEFAULT-VALUE})")
    double stepFactor;

    @Option(names = "--step-duration", paramLabel = "DURATION", converter = DurationArgument.Positive.class,
            defaultValue = "10s", description = "how long each step publishes (default: ${DEFAULT-VALUE})")
    long stepNanos;

    @Option(names = "--p99-bound", paramLabel = "DURATION", converter = DurationArgument.Positive.class,
            defaultValue = "10ms", description = "a step whose delivery p99 exceeds this fails (default: ${DEFAULT-VALUE})")
    long p99BoundNanos;

    @Option(names = "--max-steps", paramLabel = "N", converter = CountArgument.class, defaultValue = "20",
            description = "the most steps to run (default: ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationArgument.class, defaultValue = "5s",
            description = "publishing at the start rate before the first step is recorded (default: ${DEFAULT-VALUE})")
    long warmupNanos;

    RampCommand(Streams streams) {
        super(streams);
    }

    @Override
    String scenario() {
        return "ramp";
    }

    @Override
    boolean broadcastOnly() {
        return true;
    }

    @Override
    void validate() {
        if (publishers > common.connections()) {
            throw usage("Invalid value for option '--publishers': " + publishers + " is more than --connections "
                    + common.connections());
        }
        if (stepFactor <= 1) {
            throw usage("Invalid value for option '--step-factor': " + stepFactor + " is not over 1");
        }
    }

    @Override
    LoadPlan plan(String tag) {
        return LoadPlan.fanout(tag, common.connections(), publishers);
    }

    @Override
    Outcome execute(Harness harness, ProgressLine progress) {
        ConnectReport connect = harness.connect();
        if (!connect.allReady()) {
            return Outcome.connectFailed(connect);
        }
        RampSpec spec = new RampSpec(startRate, stepFactor, stepNanos, warmupNanos, p99BoundNanos / 1000,
                RampSpec.DEFAULT_MIN_DELIVERED_RATIO, maxSteps);
        return new Outcome(connect, null, new Ramp(harness, spec).run(), null);
    }

    @Override
    void describe(Map<String, Object> config) {
        config.put("publishers", publishers);
        config.put("start_rate_per_second", startRate);
        config.put("step_factor", stepFactor);
        config.put("step_duration_ms", stepNanos / 1_000_000);
        config.put("p99_bound_ms", p99BoundNanos / 1e6);
        config.put("max_steps", maxSteps);
        config.put("warmup_ms", warmupNanos / 1_000_000);
    }
}
