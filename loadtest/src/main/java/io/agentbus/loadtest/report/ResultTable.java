package io.agentbus.loadtest.report;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.HarnessGc.GcPauses;
import io.agentbus.loadtest.measure.RefusalCode;
import io.agentbus.loadtest.measure.Totals;
import io.agentbus.loadtest.scenario.ConnectReport;
import io.agentbus.loadtest.scenario.PhaseResult;
import io.agentbus.loadtest.scenario.RampStep;
import io.agentbus.loadtest.scenario.StormResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The table printed at the end of a run (stdout). */
public final class ResultTable {
    private static final String LATENCY_HEADER = String.format(Locale.ROOT, "%-14s %9s %9s %9s %9s %9s %9s %12s",
            "latency (ms)", "p50", "p90", "p99", "p99.9", "p99.99", "max", "count");
    private static final String STEP_HEADER = String.format(Locale.ROOT,
            "%4s %12s %12s %13s %10s %9s %9s %9s %8s %8s %6s %7s  %s", "step", "rate msg/s", "sent/s", "delivered/s",
            "MB/s", "p50 ms", "p99 ms", "max ms", "refused", "lost", "dup", "errors", "verdict");
    private static final double BYTES_PER_MB = 1e6;

    private final PrintStream out;

    public ResultTable(PrintStream out) {
        this.out = out;
    }

    public void print(RunReport report) {
        out.printf(Locale.ROOT, "%s on %s %s (%s)%n", report.scenario(), report.target(), report.url(),
                report.transport());
        out.println("config: " + config(report.config()));
        connect(report.connect());
        if (report.result() != null) {
            phase(report.result());
        }
        if (report.steps() != null) {
            steps(report);
        }
        if (report.storm() != null) {
            storm(report.storm());
        }
        errors(report.totals());
        harnessGc(report);
        out.println("result: " + (report.ok() ? "PASS" : "FAIL"));
        out.flush();
    }

    private void connect(ConnectReport c) {
        LatencySummary setup = LatencySummary.of(c.setupLatency());
        out.printf(Locale.ROOT, "connections: %d ready of %d in %.3f s (%.1f/s); setup p50 %.3f ms, p99 %.3f ms, "
                + "max %.3f ms%n", c.ready(), c.connections(), c.elapsedNanos() / 1e9, c.connectionsPerSecond(),
                setup.p50Ms(), setup.p99Ms(), setup.maxMs());
        if (c.firstFailure() != null) {
            out.println("first connection failure: " + c.firstFailure());
        }
    }

    private void phase(PhaseResult r) {
        out.println();
        if (r.lost() > 0) {
            out.printf(Locale.ROOT, "percentiles of delivered messages (the %d lost are not in them)%n", r.lost());
        }
        out.println(LATENCY_HEADER);
        latencyRow("delivery", r.latency());
        if (r.ackLatency() != null) {
            latencyRow("publish->ack", r.ackLatency());
        }
        latencyRow("send lag", r.sendLag());
        sendLagWarning(r, "");
        out.println();
        out.printf(Locale.ROOT, "throughput: sent %.1f msg/s, delivered %.1f msg/s, %.3f MB/s (over %.1f s); "
                + "mean delivered message %.0f bytes%n", r.sentPerSecond(), r.deliveredPerSecond(),
                r.deliveredBytesPerSecond() / BYTES_PER_MB, r.windowNanos() / 1e9, r.meanDeliveredBytes());
        out.printf(Locale.ROOT, "messages: sent %d, refused %d%s, expected %d, delivered %d, lost %d, duplicated %d, "
                + "out of order %d%s%n", r.sent(), r.refused(), refusedByCode(r.whole()), r.expected(), r.delivered(),
                r.lost(), r.duplicated(), r.whole().get(Count.OUT_OF_ORDER), r.ackLatency() == null ? ""
                        : ", acked " + r.whole().get(Count.ACKED) + ", unacked " + r.unacked());
        if (!r.drained()) {
            out.println("drain: not every delivery arrived within the drain timeout");
        }
    }

    private void sendLagWarning(PhaseResult r, String which) {
        if (r.sendLagWarning()) {
            out.printf(Locale.ROOT, "warning%s: the harness's send lag p99 (%.3f ms) is over %.0f %% of the delivery "
                    + "p99 (%.3f ms): the harness, not the server, makes a share of the latency%n", which,
                    r.sendLag().getValueAtPercentile(99) / 1000.0, 100 * PhaseResult.SEND_LAG_WARNING_SHARE,
                    r.latency().getValueAtPercentile(99) / 1000.0);
        }
    }

    /** " (overloaded 3, rate_limited 1)" for the codes that occurred, or nothing. */
    private static String refusedByCode(Totals totals) {
        StringBuilder codes = new StringBuilder();
        for (RefusalCode code : RefusalCode.values()) {
            if (totals.refused(code) > 0) {
                codes.append(codes.length() == 0 ? " (" : ", ").append(code.wireName()).append(' ')
                        .append(totals.refused(code));
            }
        }
        return codes.length() == 0 ? "" : codes.append(')').toString();
    }

    private void latencyRow(String name, Histogram h) {
        LatencySummary s = LatencySummary.of(h);
        out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %12d%n", name, s.p50Ms(), s.p90Ms(),
                s.p99Ms(), s.p999Ms(), s.p9999Ms(), s.maxMs(), s.count());
    }

    private void steps(RunReport report) {
        out.println();
        out.println(STEP_HEADER);
        int i = 1;
        for (RampStep step : report.steps()) {
            PhaseResult r = step.result();
            LatencySummary s = LatencySummary.of(r.latency());
            out.printf(Locale.ROOT, "%4d %12.1f %12.1f %13.1f %10.3f %9.3f %9.3f %9.3f %8d %8d %6d %7d  %s%n", i++,
                    r.spec().totalRatePerSecond(), r.sentPerSecond(), r.deliveredPerSecond(),
                    r.deliveredBytesPerSecond() / BYTES_PER_MB, s.p50Ms(), s.p99Ms(), s.maxMs(), r.refused(), r.lost(),
                    r.duplicated(), r.whole().errors(), step.passed() ? "pass" : step.failure());
        }
        i = 1;
        for (RampStep step : report.steps()) {
            sendLagWarning(step.result(), " (step " + i++ + ")");
        }
        out.printf(Locale.ROOT, "knee: %.1f msg/s (the highest rate that passed)%n", report.knee());
    }

    private void storm(StormResult storm) {
        out.printf(Locale.ROOT, "held %d connections idle for %.1f s%n", storm.connect().ready(),
                storm.holdNanos() / 1e9);
        storm.memory().forEach(m -> {
            if (m.measured()) {
                out.printf(Locale.ROOT, "server memory %s: %d -> %d bytes, %.0f bytes per connection%n", m.probe(),
                        m.before().bytes(), m.after().bytes(), m.bytesPerConnection());
            } else {
                out.printf(Locale.ROOT, "server memory %s: not measured (%s)%n", m.probe(),
                        m.problem() == null ? "no connection was ready" : m.problem());
            }
        });
        if (storm.memory().isEmpty()) {
            out.println("server memory: not measured (give --server-pid, or use --target agentbus for /health)");
        }
    }

    private void errors(Totals totals) {
        StringBuilder kinds = new StringBuilder();
        for (Count c : Count.values()) {
            if (c.isError()) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(c.jsonName().replace('_', ' ')).append(' ')
                        .append(totals.get(c));
            }
        }
        out.printf(Locale.ROOT, "errors: %d (%s)%n", totals.errors(), kinds);
    }

    /** The footer line of the harness's own collections during the phase (all steps of a ramp). */
    private void harnessGc(RunReport report) {
        GcPauses gc = report.harnessGc();
        if (gc != null) {
            out.printf(Locale.ROOT, "harness GC during the %s: %d pauses, total %d ms, max %d ms%n",
                    report.steps() != null ? "steps" : "phase", gc.count(), gc.totalMs(), gc.maxMs());
        }
    }

    private static String config(Map<String, Object> config) {
        StringBuilder line = new StringBuilder();
        config.forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return line.toString();
    }
}
