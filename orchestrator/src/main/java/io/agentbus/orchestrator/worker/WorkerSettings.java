package io.agentbus.orchestrator.worker;

import io.agentbus.protocol.Ids;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Who a worker is on the bus and how it behaves there.
 *
 * @param bus       the daemon's WebSocket URL
 * @param token     the token for {@code hello}, or {@code null}
 * @param name      the worker's client id, also the {@code assignee} it answers to
 * @param agent     the name of its agent template (reported in {@code ready})
 * @param heartbeat how often it publishes a {@code heartbeat}
 * @param maxTasks  how many tasks it runs before it exits, or 0 for no limit
 */
public record WorkerSettings(URI bus, String token, String room, String name, String role, String agent,
                             Duration heartbeat, Duration connectTimeout, int maxTasks) {
    public WorkerSettings {
        Objects.requireNonNull(bus, "bus");
        requireId("room", room);
        requireId("name", name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (maxTasks < 0) {
            throw new IllegalArgumentException("maxTasks must be >= 0");
        }
    }

    private static void requireId(String field, String value) {
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException(field + " must match [A-Za-z0-9][A-Za-z0-9._:-]{0,127}: " + value);
        }
    }
}
