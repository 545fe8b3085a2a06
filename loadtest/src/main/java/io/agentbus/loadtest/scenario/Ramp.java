package io.agentbus.loadtest.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Raises the rate step by step on the same connections until a step fails: its p99 exceeds the
 * bound, it fell behind (delivered less than the minimum share in time), or it lost, duplicated
 * or erred. The knee is the highest rate that passed.
 */
public final class Ramp {
    private final Harness harness;
    private final RampSpec spec;

    public Ramp(Harness harness, RampSpec spec) {
        this.harness = harness;
        this.spec = spec;
    }

    /** Runs the steps; the last one is the first that failed (unless every step passed). */
    public List<RampStep> run() {
        List<RampStep> steps = new ArrayList<>();
        for (int i = 0; i < spec.maxSteps(); i++) {
            PhaseResult result = harness.run(new PhaseSpec(spec.rate(i), i == 0 ? spec.warmupNanos() : 0,
                    spec.stepNanos()));
            RampStep step = new RampStep(result, failure(result, result.whole().errors()));
            steps.add(step);
            if (!step.passed() || Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return steps;
    }

    /** The highest rate that passed, or 0 if none did. */
    public static double knee(List<RampStep> steps) {
        double knee = 0;
        for (RampStep step : steps) {
            if (step.passed()) {
                knee = Math.max(knee, step.result().spec().totalRatePerSecond());
            }
        }
        return knee;
    }

    private String failure(PhaseResult r, long newErrors) {
        long p99 = r.latency().getValueAtPercentile(99);
        if (p99 > spec.p99BoundMicros()) {
            return String.format(Locale.ROOT, "p99 %.3f ms over the bound of %.3f ms", p99 / 1000.0,
                    spec.p99BoundMicros() / 1000.0);
        }
        if (r.deliveredInTimeRatio() < spec.minDeliveredRatio()) {
            return String.format(Locale.ROOT, "fell behind: %.1f %% delivered by the end of the step",
                    100 * r.deliveredInTimeRatio());
        }
        if (r.lost() > 0 || r.duplicated() > 0 || newErrors > 0 || r.unacked() > 0) {
            return "lost " + r.lost() + ", duplicated " + r.duplicated() + ", errors " + newErrors
                    + ", unacknowledged " + r.unacked();
        }
        return null;
    }
}
