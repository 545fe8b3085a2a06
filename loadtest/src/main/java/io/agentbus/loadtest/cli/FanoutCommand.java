package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.report.ProgressLine;
import io.agentbus.loadtest.scenario.Harness;
import io.agentbus.loadtest.scenario.LoadPlan;
import io.agentbus.loadtest.scenario.PhaseSpec;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loadtest fanout}: every connection in one room, a few publishers, every message to everyone. */
@Command(name = "fanout", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"All connections join one room; the first --publishers of them also publish, together "
                + "--rate msg/s (open loop); every message is expected by every connection (echo on).",
            "Example: agentbus loadtest fanout --connections 500 --rate 400 --duration 60s"})
final class FanoutCommand extends ScenarioCommand {
    @Mixin
    TimedOptions timing;

    @Option(names = {"-p", "--publishers"}, paramLabel = "N", converter = CountArgument.class, defaultValue = "10",
            description = "how many of the connections publish; 10 spreads the rate over several sockets and "
                    + "event loops while keeping the shape a fan-out (default: ${DEFAULT-VALUE})")
    int publishers;

    @Option(names = {"-r", "--rate"}, paramLabel = "MSG_PER_SECOND", converter = RateArgument.class,
            defaultValue = "1000", description = "messages published per second, all publishers together "
                    + "(default: ${DEFAULT-VALUE})")
    double rate;

    FanoutCommand(Streams streams) {
        super(streams);
    }

    @Override
    String scenario() {
        return "fanout";
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
    }

    @Override
    LoadPlan plan(String tag) {
        return LoadPlan.fanout(tag, common.connections(), publishers);
    }

    @Override
    Outcome execute(Harness harness, ProgressLine progress) {
        return timed(harness, progress, new PhaseSpec(rate, timing.warmupNanos(), timing.durationNanos()));
    }

    @Override
    void describe(Map<String, Object> config) {
        config.put("publishers", publishers);
        config.put("rate_per_second", rate);
        timing.describe(config);
    }
}
