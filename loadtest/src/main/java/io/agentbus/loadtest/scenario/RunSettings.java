package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.adapter.Target;
import io.agentbus.loadtest.transport.WsEndpoint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every scenario needs to connect and to end, validated by the command line.
 *
 * @param target               the server's kind
 * @param endpoints            its WebSocket endpoints (several: the nodes of a cluster), at least one
 * @param threads              event loop threads of the harness
 * @param bodyBytes            size of each message body
 * @param connectConcurrency   connections being set up at once, at most
 * @param connectRatePerSecond connections started per second, 0 for as fast as the concurrency allows
 * @param connectTimeoutNanos  how long all connections may take to be ready
 * @param drainTimeoutNanos    how long to wait for outstanding deliveries once sending stopped
 */
public record RunSettings(Target target, List<WsEndpoint> endpoints, int threads, int bodyBytes,
                          int connectConcurrency, double connectRatePerSecond, long connectTimeoutNanos,
                          long drainTimeoutNanos) {
    public RunSettings {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoint");
        }
        endpoints = List.copyOf(endpoints);
    }

    /** The endpoint connection {@code connection} goes to: they take turns. */
    public WsEndpoint endpointFor(int connection) {
        return endpoints.get(connection % endpoints.size());
    }

    /** The endpoints' URIs, comma-separated. */
    public String uris() {
        return endpoints.stream().map(e -> e.uri().toString()).collect(Collectors.joining(","));
    }
}
