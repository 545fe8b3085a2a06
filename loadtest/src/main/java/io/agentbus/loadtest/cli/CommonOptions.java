package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.scenario.RunSettings;
import io.agentbus.loadtest.adapter.Target;
import io.agentbus.loadtest.transport.WsEndpoint;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of every scenario (a picocli mixin): the server, the connections, the harness, the outputs. */
final class CommonOptions {
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--target", paramLabel = "TARGET", converter = TargetArgument.class, defaultValue = "agentbus",
            description = "the server's kind: agentbus, nats (NATS over WebSocket) or netty (the bare broadcast "
                    + "server; fanout and ramp only) (default: ${DEFAULT-VALUE})")
    private Target target;

    @Option(names = "--url", paramLabel = "URL", split = ",",
            description = "the server's WebSocket endpoint (default: ws://127.0.0.1:7070/ws for agentbus, "
                    + "ws://127.0.0.1:8222 for nats, ws://127.0.0.1:7080/ws for netty); several, comma-separated "
                    + "(the nodes of a cluster): connection i goes to URL i %% count")
    private List<String> urls;

    @Option(names = "--allow-remote",
            description = "allow a server that is not on a loopback address (127.0.0.0/8, ::1, localhost)")
    private boolean allowRemote;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", converter = CountArgument.class, defaultValue = "500",
            description = "WebSocket connections (default: ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--body-bytes", paramLabel = "BYTES", converter = CountArgument.class, defaultValue = "100",
            description = "size of each message body, at least the stamp's own ~45 bytes (default: ${DEFAULT-VALUE})")
    private int bodyBytes;

    @Option(names = "--threads", paramLabel = "N", converter = CountArgument.class,
            description = "event loop threads of the harness (default: the number of CPUs)")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "directory for results.json, latency.hlog, plot.html and plot.png "
                    + "(default: loadtest-results/SCENARIO-yyyyMMdd-HHmmss)")
    private Path out;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            defaultValue = "10s", description = "how long to wait for outstanding deliveries once sending stopped "
                    + "(default: ${DEFAULT-VALUE})")
    private long drainTimeoutNanos;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationArgument.Positive.class,
            defaultValue = "60s", description = "how long all connections may take to be ready (default: ${DEFAULT-VALUE})")
    private long connectTimeoutNanos;

    @Option(names = "--connect-concurrency", paramLabel = "N", converter = CountArgument.class, defaultValue = "100",
            description = "connections being set up at once, at most (default: ${DEFAULT-VALUE})")
    private int connectConcurrency;

    @Option(names = "--connect-rate", paramLabel = "PER_SECOND", converter = RateArgument.OrUnlimited.class,
            defaultValue = "0", description = "connections started per second, 0 for unlimited (default: ${DEFAULT-VALUE})")
    private double connectRate;

    @Option(names = "--png", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "render plot.png with headless Chromium when it is installed (default: on; --no-png skips)")
    private boolean png;

    Target target() {
        return target;
    }

    int connections() {
        return connections;
    }

    boolean png() {
        return png;
    }

    List<String> urls() {
        return urls != null ? urls : List.of(target.defaultUrl());
    }

    /** The first endpoint (see {@link #endpoints}). */
    WsEndpoint endpoint(CommandSpec spec) {
        return endpoints(spec).get(0);
    }

    /**
     * The endpoints, each refused (naming {@code --url}) if it is no ws:// URL or not loopback
     * without {@code --allow-remote}.
     */
    List<WsEndpoint> endpoints(CommandSpec spec) {
        List<WsEndpoint> endpoints = new ArrayList<>();
        for (String url : urls()) {
            endpoints.add(endpoint(spec, url));
        }
        return endpoints;
    }

    private WsEndpoint endpoint(CommandSpec spec, String url) {
        WsEndpoint endpoint;
        try {
            endpoint = WsEndpoint.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--url': " + e.getMessage());
        }
        if (!allowRemote && !endpoint.isLoopback()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--url': " + url
                    + " is not a loopback address; pass --allow-remote to load a remote server");
        }
        return endpoint;
    }

    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    RunSettings settings(CommandSpec spec) {
        return new RunSettings(target, endpoints(spec), threads(), bodyBytes, connectConcurrency, connectRate,
                connectTimeoutNanos, drainTimeoutNanos);
    }

    /** {@code --out}, else {@code loadtest-results/SCENARIO-yyyyMMdd-HHmmss}. */
    Path outDir(String scenario) {
        return out != null ? out : Path.of("loadtest-results", scenario + "-" + RUN_STAMP.format(LocalDateTime.now()));
    }

    /** Adds these options to a run's config, by their JSON names. */
    void describe(Map<String, Object> config) {
        config.put("connections", connections);
        config.put("body_bytes", bodyBytes);
        config.put("threads", threads());
        config.put("drain_timeout_ms", drainTimeoutNanos / 1_000_000);
        config.put("connect_concurrency", connectConcurrency);
        config.put("connect_rate_per_second", connectRate);
    }
}
