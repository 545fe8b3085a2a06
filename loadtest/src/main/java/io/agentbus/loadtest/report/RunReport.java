package io.agentbus.loadtest.report;

import io.agentbus.loadtest.measure.HarnessGc.GcPauses;
import io.agentbus.loadtest.measure.Timeline;
import io.agentbus.loadtest.measure.Totals;
import io.agentbus.loadtest.scenario.ConnectReport;
import io.agentbus.loadtest.scenario.PhaseResult;
import io.agentbus.loadtest.scenario.Ramp;
import io.agentbus.loadtest.scenario.RampStep;
import io.agentbus.loadtest.scenario.StormResult;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced, for the table, the JSON and the plot. Exactly one of
 * {@code result}, {@code steps} and {@code storm} is set, by scenario; {@code connect} is always.
 *
 * @param scenario    fanout, rooms, dm, connect or ramp
 * @param target      agentbus, nats or netty
 * @param url         the endpoint (several, comma-separated, when connections were spread over them)
 * @param transport   the harness's transport, epoll or nio
 * @param startedAtMs when the run started, in milliseconds since the epoch
 * @param config      the settings, by their JSON names
 * @param connect     how connecting went
 * @param result      the measured phase (fanout, rooms, dm)
 * @param steps       the ramp's steps
 * @param storm       the connect storm's result
 * @param timeline    one sample per second
 * @param totals      every counter at the end of the run
 */
public record RunReport(String scenario, String target, String url, String transport, long startedAtMs,
                        Map<String, Object> config, ConnectReport connect, PhaseResult result, List<RampStep> steps,
                        StormResult storm, List<Timeline.Sample> timeline, Totals totals) {

    /**
     * Whether the run passed: every connection ready, no error, and no loss, duplicate or missing ack
     * (for a ramp: in any step; a step failing its p99 bound or falling behind is its expected end).
     */
    public boolean ok() {
        if (!connect.allReady() || totals.errors() > 0) {
            return false;
        }
        if (result != null) {
            return result.clean();
        }
        if (steps != null) {
            return steps.stream().allMatch(s -> s.result().lost() == 0 && s.result().duplicated() == 0
                    && s.result().errors() == 0 && s.result().unacked() == 0);
        }
        return true;
    }

    /** The harness's own collections during the phase, or during all steps of a ramp; {@code null} without a phase. */
    public GcPauses harnessGc() {
        if (result != null) {
            return result.harnessGc();
        }
        if (steps == null) {
            return null;
        }
        GcPauses sum = GcPauses.NONE;
        for (RampStep step : steps) {
            sum = sum.plus(step.result().harnessGc());
        }
        return sum;
    }

    /** The ramp's knee: the highest rate that passed (0 if none did). */
    public double knee() {
        return steps == null ? 0 : Ramp.knee(steps);
    }
}
