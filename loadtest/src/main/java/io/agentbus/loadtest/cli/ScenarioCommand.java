package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.measure.RunClock;
import io.agentbus.loadtest.measure.Timeline;
import io.agentbus.loadtest.measure.Totals;
import io.agentbus.loadtest.report.HlogWriter;
import io.agentbus.loadtest.report.ProgressLine;
import io.agentbus.loadtest.report.ResultTable;
import io.agentbus.loadtest.report.RunReport;
import io.agentbus.loadtest.scenario.ConnectReport;
import io.agentbus.loadtest.scenario.Harness;
import io.agentbus.loadtest.scenario.LoadPlan;
import io.agentbus.loadtest.scenario.PhaseSpec;
import io.agentbus.loadtest.scenario.RunSettings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every scenario command does: validate, open the outputs, run the scenario on a fresh
 * harness, print the table, write the files, and exit 0 if the run passed, 1 if not.
 */
abstract class ScenarioCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private final Streams streams;

    ScenarioCommand(Streams streams) {
        this.streams = streams;
    }

    /** The scenario's name: fanout, rooms, dm, connect or ramp. */
    abstract String scenario();

    /** Refuses flag combinations the scenario cannot run, with {@link #usage}. */
    abstract void validate();

    abstract LoadPlan plan(String tag);

    /** Runs the scenario on the started harness. */
    abstract Outcome execute(Harness harness, ProgressLine progress);

    /** Adds the scenario's own settings to the run's config. */
    abstract void describe(Map<String, Object> config);

    /** Whether the bare broadcast server (target netty) can run this scenario. */
    boolean broadcastOnly() {
        return false;
    }

    @Override
    public final Integer call() {
        if (common.target().fanoutOnly() && !broadcastOnly()) {
            throw usage("--target " + common.target().wireName() + " supports only the fanout scenario (and ramp, "
                    + "its rising-rate form): the bare broadcast server has no rooms and no direct messages");
        }
        validate();
        RunSettings settings = common.settings(spec);
        try {
            RunOutputs outputs = RunOutputs.create(common.outDir(scenario()));
            RunReport report = run(settings, outputs);
            new ResultTable(streams.out()).print(report);
            outputs.write(report, common.png(), streams.out());
            return report.ok() ? ExitCode.OK : ExitCode.FAILED;
        } catch (IOException e) {
            streams.err().println("agentbus loadtest: cannot write the results: " + e.getMessage());
            return ExitCode.INPUT_OUTPUT;
        }
    }

    private RunReport run(RunSettings settings, RunOutputs outputs) throws IOException {
        RunClock clock = new RunClock();
        Timeline timeline = new Timeline();
        ProgressLine progress = new ProgressLine(streams.err(), streams.terminal());
        LoadPlan plan = plan("lt-" + Long.toString(clock.originEpochMs(), 36));
        Outcome outcome;
        String transport;
        Totals totals;
        try (HlogWriter hlog = new HlogWriter(outputs.hlog(), clock.originEpochMs(), settings.target().acknowledges(),
                "agentbus loadtest " + scenario() + " against " + settings.uris());
             Harness harness = Harness.start(settings, plan, clock, List.of(timeline, hlog, progress))) {
            outcome = execute(harness, progress);
            transport = harness.transportName();
            totals = harness.totals();
        } finally {
            progress.finish();
        }
        Map<String, Object> config = new LinkedHashMap<>();
        common.describe(config);
        describe(config);
        return new RunReport(scenario(), settings.target().wireName(), settings.uris(), transport,
                clock.originEpochMs(), config, outcome.connect(), outcome.result(), outcome.steps(), outcome.storm(),
                timeline.samples(), totals);
    }

    /** Connects, then publishes one phase; the bar covers the phase. */
    static Outcome timed(Harness harness, ProgressLine progress, PhaseSpec phase) {
        ConnectReport connect = harness.connect();
        if (!connect.allReady()) {
            return Outcome.connectFailed(connect);
        }
        progress.expect(harness.elapsedSeconds(), (phase.warmupNanos() + phase.durationNanos()) / 1e9);
        return new Outcome(connect, harness.run(phase), null, null);
    }

    /** A usage error (exit 2) whose message names the flag. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
