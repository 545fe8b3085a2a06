package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.adapter.Target;
import io.agentbus.loadtest.transport.WsEndpoint;

/**
 * What every scenario needs to connect and to end, validated by the command line.
 *
 * @param target               the server's kind
 * @param endpoint             its WebSocket endpoint
 * @param threads              event loop threads of the harness
 * @param bodyBytes            size of each message body
 * @param connectConcurrency   connections being set up at once, at most
 * @param connectRatePerSecond connections started per second, 0 for as fast as the concurrency allows
 * @param connectTimeoutNanos  how long all connections may take to be ready
 * @param drainTimeoutNanos    how long to wait for outstanding deliveries once sending stopped
 */
public record RunSettings(Target target, WsEndpoint endpoint, int threads, int bodyBytes, int connectConcurrency,
                          double connectRatePerSecond, long connectTimeoutNanos, long drainTimeoutNanos) {
}
