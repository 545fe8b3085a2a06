package io.agentbus.client;

import io.agentbus.protocol.frame.Join;
import java.util.Objects;

/**
 * How to join a room: role, vote weight, echo of one's own messages, and where to start.
 * Immutable; {@link #DEFAULT} is role {@code participant}, weight 1, echo on, live messages only.
 */
public final class JoinOptions {
    /** Role {@code participant}, weight 1, echo on, only messages published after the join. */
    public static final JoinOptions DEFAULT = new JoinOptions(Join.DEFAULT_ROLE, 1, Join.NO_SINCE, true, null);

    private final String role;
    private final int weight;
    private final long since;
    private final boolean echo;
    private final String epoch;

    private JoinOptions(String role, int weight, long since, boolean echo, String epoch) {
        this.role = role;
        this.weight = weight;
        this.since = since;
        this.echo = echo;
        this.epoch = epoch;
    }

    /** These options with {@code role} (free text, 1 to 64 characters). */
    public JoinOptions role(String role) {
        Objects.requireNonNull(role, "role");
        if (role.isEmpty() || role.length() > 64) {
            throw new IllegalArgumentException("role must be 1 to 64 characters, not " + role.length());
        }
        return new JoinOptions(role, weight, since, echo, epoch);
    }

    /** These options with vote {@code weight} (1 to 1,000,000), counted under the weighted rule. */
    public JoinOptions weight(int weight) {
        if (weight < 1 || weight > 1_000_000) {
            throw new IllegalArgumentException("weight must be in 1..1000000, not " + weight);
        }
        return new JoinOptions(role, weight, since, echo, epoch);
    }

    /**
     * These options replaying every message after {@code offset} first ({@code 0}: the whole
     * history). Offsets this client already handed over are never handed over again, so joining
     * a room that is already joined with {@code since} replays nothing new; read old messages
     * again with {@code history}.
     */
    public JoinOptions since(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("since must be >= 0, not " + offset);
        }
        return new JoinOptions(role, weight, offset, echo, epoch);
    }

    /** These options with or without delivery of this client's own publications. */
    public JoinOptions echo(boolean echo) {
        return new JoinOptions(role, weight, since, echo, epoch);
    }

    /**
     * These options with the room epoch the application saw last with {@link #since(long)}
     * (persisted from {@link AgentBusClient#epoch(String)}): a cluster then says, with
     * {@link AgentBusClient#onHistoryLost}, if history after {@code since} was lost since.
     * Needs no epoch for a single daemon. {@code null}: none.
     */
    public JoinOptions epoch(String epoch) {
        if (epoch != null && (epoch.isEmpty() || epoch.length() > 64)) {
            throw new IllegalArgumentException("epoch must be 1 to 64 characters, not " + epoch.length());
        }
        return new JoinOptions(role, weight, since, echo, epoch);
    }

    public String role() {
        return role;
    }

    public int weight() {
        return weight;
    }

    /** The offset to replay after, or {@link Join#NO_SINCE} for live messages only. */
    public long since() {
        return since;
    }

    public boolean echo() {
        return echo;
    }

    /** The epoch given with {@link #epoch(String)}, or {@code null}. */
    public String epoch() {
        return epoch;
    }
}
