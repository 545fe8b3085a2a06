package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.memory.MemoryDelta;
import io.agentbus.loadtest.memory.MemoryProbe;
import io.agentbus.loadtest.memory.MemoryReading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The connect storm: read the server's memory, open every connection (the harness's concurrency
 * and rate bounds apply), hold them idle, read the memory again.
 */
public final class ConnectStorm {
    private final Harness harness;
    private final long holdNanos;
    private final List<MemoryProbe> probes;

    public ConnectStorm(Harness harness, long holdNanos, List<MemoryProbe> probes) {
        this.harness = harness;
        this.holdNanos = holdNanos;
        this.probes = probes;
    }

    public StormResult run() {
        List<Attempt> before = readAll();
        ConnectReport connect = harness.connect();
        harness.sleepFor(holdNanos);
        List<Attempt> after = readAll();
        List<MemoryDelta> memory = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            String problem = before.get(i).problem != null ? before.get(i).problem : after.get(i).problem;
            memory.add(new MemoryDelta(probes.get(i).name(), before.get(i).reading, after.get(i).reading,
                    connect.ready(), problem));
        }
        return new StormResult(connect, holdNanos, memory);
    }

    private List<Attempt> readAll() {
        List<Attempt> readings = new ArrayList<>();
        for (MemoryProbe probe : probes) {
            try {
                readings.add(new Attempt(probe.read(), null));
            } catch (IOException e) {
                readings.add(new Attempt(null, e.getMessage()));
            }
        }
        return readings;
    }

    private record Attempt(MemoryReading reading, String problem) {
    }
}
