package io.agentbus.loadtest.plot;

import io.agentbus.loadtest.measure.Timeline;
import io.agentbus.loadtest.report.LatencySummary;
import io.agentbus.loadtest.report.RunReport;
import io.agentbus.loadtest.scenario.PhaseResult;
import io.agentbus.loadtest.scenario.RampStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** {@code plot.html}: the run's summary line and its two charts, self-contained. */
public final class PlotPage {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 420;
    private static final int PERCENTILE_TICKS_PER_HALF = 5;

    private PlotPage() {
    }

    public static void write(RunReport report, Path html) throws IOException {
        Files.writeString(html, html(report), StandardCharsets.UTF_8);
    }

    static String html(RunReport report) {
        String title = "agentbus loadtest " + report.scenario() + " on " + report.target();
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + SvgChart.escape(title)
                + "</title></head>\n<body style=\"font-family:sans-serif;margin:16px\">\n<h2>" + SvgChart.escape(title)
                + "</h2>\n<p>" + SvgChart.escape(summary(report)) + "</p>\n"
                + percentiles(report).svg(WIDTH, HEIGHT) + "<br>\n" + throughput(report).svg(WIDTH, HEIGHT)
                + "</body></html>\n";
    }

    private static String summary(RunReport r) {
        StringBuilder s = new StringBuilder(Instant.ofEpochMilli(r.startedAtMs()).toString()).append(" — ")
                .append(r.url()).append(" — ").append(r.ok() ? "PASS" : "FAIL");
        if (r.result() != null) {
            LatencySummary l = LatencySummary.of(r.result().latency());
            s.append(String.format(Locale.ROOT, " — p50 %.3f ms, p99 %.3f ms, max %.3f ms; sent %.1f/s, delivered "
                    + "%.1f/s; lost %d, duplicated %d", l.p50Ms(), l.p99Ms(), l.maxMs(), r.result().sentPerSecond(),
                    r.result().deliveredPerSecond(), r.result().lost(), r.result().duplicated()));
        }
        if (r.steps() != null) {
            s.append(String.format(Locale.ROOT, " — knee %.1f msg/s", r.knee()));
        }
        r.config().forEach((k, v) -> s.append(" · ").append(k).append('=').append(v));
        return s.toString();
    }

    private static SvgChart percentiles(RunReport r) {
        List<Series> series = new ArrayList<>();
        if (r.result() != null) {
            addPercentiles(series, "delivery", r.result().latency());
            addPercentiles(series, "publish->ack", r.result().ackLatency());
        } else if (r.steps() != null) {
            for (RampStep step : r.steps()) {
                PhaseResult p = step.result();
                addPercentiles(series, String.format(Locale.ROOT, "%.0f msg/s%s", p.spec().totalRatePerSecond(),
                        step.passed() ? "" : " (failed)"), p.latency());
            }
        } else {
            addPercentiles(series, "connection setup", r.connect().setupLatency());
        }
        SvgChart chart = new SvgChart("Latency by percentile", "percentile", "latency (ms)", new PercentileAxis(),
                new LinearAxis(0, maxY(series)));
        series.forEach(chart::add);
        return chart;
    }

    private static void addPercentiles(List<Series> series, String label, Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return;
        }
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(PERCENTILE_TICKS_PER_HALF)) {
            points.add(new double[] {Math.min(v.getPercentileLevelIteratedTo(), 99.999),
                v.getValueIteratedTo() / 1000.0});
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        series.add(new Series(label, xs, ys));
    }

    private static SvgChart throughput(RunReport r) {
        List<Timeline.Sample> samples = r.timeline();
        double[] t = new double[samples.size()];
        double[] sent = new double[samples.size()];
        double[] delivered = new double[samples.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = samples.get(i).elapsedSeconds();
            sent[i] = samples.get(i).sentPerSecond();
            delivered[i] = samples.get(i).deliveredPerSecond();
        }
        List<Series> series = List.of(new Series("sent msg/s", t, sent), new Series("delivered msg/s", t, delivered));
        SvgChart chart = new SvgChart("Throughput over time", "seconds since start", "messages per second",
                new LinearAxis(0, t.length == 0 ? 1 : t[t.length - 1]), new LinearAxis(0, maxY(series)));
        series.forEach(chart::add);
        return chart;
    }

    private static double maxY(List<Series> series) {
        double max = 0;
        for (Series s : series) {
            for (double y : s.ys()) {
                if (!Double.isNaN(y)) {
                    max = Math.max(max, y);
                }
            }
        }
        return max > 0 ? max : 1;
    }
}
