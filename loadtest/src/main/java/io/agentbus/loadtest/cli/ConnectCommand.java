package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.memory.HealthProbe;
import io.agentbus.loadtest.memory.MemoryProbe;
import io.agentbus.loadtest.memory.ProcessRssProbe;
import io.agentbus.loadtest.report.ProgressLine;
import io.agentbus.loadtest.scenario.ConnectStorm;
import io.agentbus.loadtest.scenario.Harness;
import io.agentbus.loadtest.scenario.LoadPlan;
import io.agentbus.loadtest.scenario.StormResult;
import io.agentbus.loadtest.adapter.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loadtest connect}: the connect storm, then memory per idle connection. */
@Command(name = "connect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Opens --connections connections (agentbus: hello + join; NATS: CONNECT + SUB + PING/PONG) "
                + "with at most --connect-concurrency at once and optionally --connect-rate per second; reports "
                + "the time until all are ready and connections per second; holds them idle for --hold and "
                + "reports the server's memory per connection (RSS of --server-pid, after jcmd GC.run if it is "
                + "a JVM; and for agentbus heap + Netty direct memory from GET /health).",
            "Example: agentbus loadtest connect --connections 2000 --server-pid $(pgrep -f io.agentbus.server.Main)"})
final class ConnectCommand extends ScenarioCommand {
    @Option(names = "--rooms", paramLabel = "K", converter = CountArgument.class, defaultValue = "100",
            description = "connection i joins room i %% K (default: ${DEFAULT-VALUE})")
    int rooms;

    @Option(names = "--hold", paramLabel = "DURATION", converter = DurationArgument.class, defaultValue = "10s",
            description = "how long to hold the connections idle before the second memory reading "
                    + "(default: ${DEFAULT-VALUE})")
    long holdNanos;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "the server's process id, to read its resident memory from /proc/PID/status")
    Long serverPid;

    ConnectCommand(Streams streams) {
        super(streams);
    }

    @Override
    String scenario() {
        return "connect";
    }

    @Override
    void validate() {
        if (rooms > common.connections()) {
            throw usage("Invalid value for option '--rooms': " + rooms + " rooms need at least as many --connections, "
                    + "not " + common.connections());
        }
        if (common.urls().size() > 1) {
            throw usage("Invalid value for option '--url': connect measures one server's memory per connection, so it"
                    + " takes one URL, not " + common.urls().size());
        }
        if (serverPid != null && serverPid <= 0) {
            throw usage("Invalid value for option '--server-pid': " + serverPid + " is not a process id");
        }
    }

    @Override
    LoadPlan plan(String tag) {
        return LoadPlan.idleRooms(tag, common.connections(), rooms);
    }

    @Override
    Outcome execute(Harness harness, ProgressLine progress) {
        StormResult storm = new ConnectStorm(harness, holdNanos, probes()).run();
        return new Outcome(storm.connect(), null, null, storm);
    }

    private List<MemoryProbe> probes() {
        List<MemoryProbe> probes = new ArrayList<>();
        if (serverPid != null) {
            probes.add(new ProcessRssProbe(serverPid));
        }
        if (common.target() == Target.AGENTBUS) {
            probes.add(new HealthProbe(common.endpoint(spec).http("/health")));
        }
        return probes;
    }

    @Override
    void describe(Map<String, Object> config) {
        config.put("rooms", rooms);
        config.put("hold_ms", holdNanos / 1_000_000);
        config.put("server_pid", serverPid);
    }
}
