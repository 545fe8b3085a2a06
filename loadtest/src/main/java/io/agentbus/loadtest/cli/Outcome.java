package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.scenario.ConnectReport;
import io.agentbus.loadtest.scenario.PhaseResult;
import io.agentbus.loadtest.scenario.RampStep;
import io.agentbus.loadtest.scenario.StormResult;
import java.util.List;

/** What a scenario's run produced; what it did not produce is {@code null}. */
record Outcome(ConnectReport connect, PhaseResult result, List<RampStep> steps, StormResult storm) {

    static Outcome connectFailed(ConnectReport connect) {
        return new Outcome(connect, null, null, null);
    }
}
