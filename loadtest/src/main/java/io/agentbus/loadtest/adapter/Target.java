package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.payload.PayloadWriter;

/** The servers the harness can drive, by their {@code --target} name. */
public enum Target {
    /** The agentbus daemon. */
    AGENTBUS("agentbus", "ws://127.0.0.1:7070/ws", true, false) {
        @Override
        public TargetSession open(SessionSpec spec, SessionEvents events, PayloadWriter payload) {
            return new AgentBusSession(spec, events, payload);
        }
    },
    /** nats-server's WebSocket listener, speaking the NATS text protocol. */
    NATS("nats", "ws://127.0.0.1:8222", false, false) {
        @Override
        public TargetSession open(SessionSpec spec, SessionEvents events, PayloadWriter payload) {
            return new NatsSession(spec, events, payload);
        }
    },
    /** The bare Netty WebSocket broadcast server of the benchmarks module. */
    NETTY("netty", "ws://127.0.0.1:7080/ws", false, true) {
        @Override
        public TargetSession open(SessionSpec spec, SessionEvents events, PayloadWriter payload) {
            return new BroadcastSession(events, payload);
        }
    };

    private final String wireName;
    private final String defaultUrl;
    private final boolean acknowledges;
    private final boolean fanoutOnly;

    Target(String wireName, String defaultUrl, boolean acknowledges, boolean fanoutOnly) {
        this.wireName = wireName;
        this.defaultUrl = defaultUrl;
        this.acknowledges = acknowledges;
        this.fanoutOnly = fanoutOnly;
    }

    /** A session for one connection. */
    public abstract TargetSession open(SessionSpec spec, SessionEvents events, PayloadWriter payload);

    /** The name on the command line. */
    public String wireName() {
        return wireName;
    }

    /** The URL used without {@code --url}. */
    public String defaultUrl() {
        return defaultUrl;
    }

    /** Whether the server acknowledges each publish (so there is a publish-to-ack latency). */
    public boolean acknowledges() {
        return acknowledges;
    }

    /** Whether the server can only broadcast to everyone (no rooms, no direct messages). */
    public boolean fanoutOnly() {
        return fanoutOnly;
    }

    /** The target named {@code name}, or {@code null}. */
    public static Target named(String name) {
        for (Target t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
