package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.report.ProgressLine;
import io.agentbus.loadtest.scenario.Harness;
import io.agentbus.loadtest.scenario.LoadPlan;
import io.agentbus.loadtest.scenario.PhaseSpec;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loadtest dm}: pairs exchanging direct messages. */
@Command(name = "dm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Connections pair up (0 with 1, 2 with 3, ...); each sends --rate-per-client direct "
                + "messages per second to its partner (agentbus 'send'; NATS subject dm.CLIENT).",
            "Example: agentbus loadtest dm --connections 200 --rate-per-client 20 --duration 30s"})
final class DmCommand extends ScenarioCommand {
    @Mixin
    TimedOptions timing;

    @Option(names = "--rate-per-client", paramLabel = "MSG_PER_SECOND", converter = RateArgument.class,
            defaultValue = "10", description = "messages each connection sends per second (default: ${DEFAULT-VALUE})")
    double ratePerClient;

    DmCommand(Streams streams) {
        super(streams);
    }

    @Override
    String scenario() {
        return "dm";
    }

    @Override
    void validate() {
        if (common.connections() % 2 != 0) {
            throw usage("Invalid value for option '--connections': " + common.connections()
                    + " is odd; direct messages need pairs");
        }
    }

    @Override
    LoadPlan plan(String tag) {
        return LoadPlan.directPairs(tag, common.connections());
    }

    @Override
    Outcome execute(Harness harness, ProgressLine progress) {
        return timed(harness, progress, new PhaseSpec(ratePerClient * common.connections(), timing.warmupNanos(),
                timing.durationNanos()));
    }

    @Override
    void describe(Map<String, Object> config) {
        config.put("pairs", common.connections() / 2);
        config.put("rate_per_client", ratePerClient);
        config.put("rate_per_second", ratePerClient * common.connections());
        timing.describe(config);
    }
}
