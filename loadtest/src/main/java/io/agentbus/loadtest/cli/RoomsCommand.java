package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.report.ProgressLine;
import io.agentbus.loadtest.scenario.Harness;
import io.agentbus.loadtest.scenario.LoadPlan;
import io.agentbus.loadtest.scenario.PhaseSpec;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loadtest rooms}: connections spread over many small rooms, everyone publishing. */
@Command(name = "rooms", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Connection i joins room i %% --rooms (500 connections in 100 rooms: 5 members each); every "
                + "connection publishes --rate-per-client msg/s into its room; each message is expected by every "
                + "member of the room.",
            "Example: agentbus loadtest rooms --connections 500 --rooms 100 --rate-per-client 40 --duration 60s"})
final class RoomsCommand extends ScenarioCommand {
    @Mixin
    TimedOptions timing;

    @Option(names = "--rooms", paramLabel = "K", converter = CountArgument.class, defaultValue = "100",
            description = "how many rooms (default: ${DEFAULT-VALUE})")
    int rooms;

    @Option(names = "--rate-per-client", paramLabel = "MSG_PER_SECOND", converter = RateArgument.class,
            defaultValue = "10", description = "messages each connection publishes per second (default: ${DEFAULT-VALUE})")
    double ratePerClient;

    RoomsCommand(Streams streams) {
        super(streams);
    }

    @Override
    String scenario() {
        return "rooms";
    }

    @Override
    void validate() {
        if (rooms > common.connections()) {
            throw usage("Invalid value for option '--rooms': " + rooms + " rooms need at least as many --connections, "
                    + "not " + common.connections());
        }
    }

    @Override
    LoadPlan plan(String tag) {
        return LoadPlan.rooms(tag, common.connections(), rooms);
    }

    @Override
    Outcome execute(Harness harness, ProgressLine progress) {
        return timed(harness, progress, new PhaseSpec(ratePerClient * common.connections(), timing.warmupNanos(),
                timing.durationNanos()));
    }

    @Override
    void describe(Map<String, Object> config) {
        config.put("rooms", rooms);
        config.put("rate_per_client", ratePerClient);
        config.put("rate_per_second", ratePerClient * common.connections());
        timing.describe(config);
    }
}
