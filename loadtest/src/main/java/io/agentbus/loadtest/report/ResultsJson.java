package io.agentbus.loadtest.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.HarnessGc.GcPauses;
import io.agentbus.loadtest.measure.RefusalCode;
import io.agentbus.loadtest.measure.Timeline;
import io.agentbus.loadtest.measure.Totals;
import io.agentbus.loadtest.memory.MemoryDelta;
import io.agentbus.loadtest.memory.MemoryReading;
import io.agentbus.loadtest.scenario.ConnectReport;
import io.agentbus.loadtest.scenario.PhaseResult;
import io.agentbus.loadtest.scenario.RampStep;
import io.agentbus.loadtest.scenario.StormResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Writes {@code results.json}; its fields are documented in loadtest/README.md. */
public final class ResultsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, String> files;

    /** {@code files}: the other outputs by JSON name (e.g. {@code hlog} → {@code latency.hlog}); a null value is written as null. */
    public ResultsJson(Map<String, String> files) {
        this.files = files;
    }

    public void write(RunReport report, Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path);
             JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            header(g, report);
            connect(g, report.connect());
            if (report.result() != null) {
                g.writeFieldName("result");
                phase(g, report.result());
            }
            if (report.steps() != null) {
                ramp(g, report);
            }
            if (report.storm() != null) {
                storm(g, report.storm());
            }
            errors(g, "errors", report.totals());
            timeline(g, report);
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, String> file : files.entrySet()) {
                g.writeStringField(file.getKey(), file.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void header(JsonGenerator g, RunReport report) throws IOException {
        g.writeStringField("scenario", report.scenario());
        g.writeStringField("target", report.target());
        g.writeStringField("url", report.url());
        g.writeStringField("transport", report.transport());
        g.writeStringField("started_at", Instant.ofEpochMilli(report.startedAtMs()).toString());
        g.writeBooleanField("ok", report.ok());
        g.writeObjectFieldStart("config");
        for (Map.Entry<String, Object> e : report.config().entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeObject(e.getValue());
        }
        g.writeEndObject();
    }

    private static void connect(JsonGenerator g, ConnectReport c) throws IOException {
        g.writeObjectFieldStart("connect");
        g.writeNumberField("connections", c.connections());
        g.writeNumberField("ready", c.ready());
        g.writeNumberField("failed", c.failed());
        g.writeStringField("first_failure", c.firstFailure());
        g.writeNumberField("elapsed_ms", c.elapsedNanos() / 1e6);
        g.writeNumberField("connections_per_second", c.connectionsPerSecond());
        g.writeFieldName("setup_latency_ms");
        latency(g, c.setupLatency());
        g.writeEndObject();
    }

    private static void phase(JsonGenerator g, PhaseResult r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rate_per_second", r.spec().totalRatePerSecond());
        g.writeNumberField("warmup_ms", r.spec().warmupNanos() / 1e6);
        g.writeNumberField("window_ms", r.windowNanos() / 1e6);
        g.writeNumberField("sent", r.sent());
        refused(g, r.whole());
        g.writeNumberField("expected", r.expected());
        g.writeNumberField("delivered", r.delivered());
        g.writeNumberField("unique", r.unique());
        g.writeNumberField("lost", r.lost());
        g.writeNumberField("duplicated", r.duplicated());
        g.writeNumberField("out_of_order", r.whole().get(Count.OUT_OF_ORDER));
        g.writeNumberField("acked", r.whole().get(Count.ACKED));
        g.writeNumberField("unacked", r.unacked());
        g.writeBooleanField("drained", r.drained());
        g.writeNumberField("delivered_in_time_ratio", r.deliveredInTimeRatio());
        g.writeNumberField("sent_per_second", r.sentPerSecond());
        g.writeNumberField("delivered_per_second", r.deliveredPerSecond());
        g.writeNumberField("delivered_bytes", r.whole().get(Count.DELIVERED_BYTES));
        g.writeNumberField("delivered_bytes_per_second", r.deliveredBytesPerSecond());
        g.writeNumberField("mean_delivered_bytes", r.meanDeliveredBytes());
        errors(g, "errors", r.whole());
        g.writeFieldName("latency_ms");
        latency(g, r.latency());
        g.writeFieldName("ack_latency_ms");
        if (r.ackLatency() == null) {
            g.writeNull();
        } else {
            latency(g, r.ackLatency());
        }
        g.writeFieldName("send_lag_ms");
        latency(g, r.sendLag());
        g.writeBooleanField("send_lag_warning", r.sendLagWarning());
        harnessGc(g, r.harnessGc());
        g.writeEndObject();
    }

    private static void refused(JsonGenerator g, Totals totals) throws IOException {
        g.writeObjectFieldStart("refused");
        g.writeNumberField("total", totals.get(Count.REFUSED));
        for (RefusalCode code : RefusalCode.values()) {
            g.writeNumberField(code.wireName(), totals.refused(code));
        }
        g.writeEndObject();
    }

    private static void harnessGc(JsonGenerator g, GcPauses gc) throws IOException {
        g.writeObjectFieldStart("harness_gc");
        g.writeNumberField("pauses", gc.count());
        g.writeNumberField("total_ms", gc.totalMs());
        g.writeNumberField("max_ms", gc.maxMs());
        g.writeEndObject();
    }

    private static void ramp(JsonGenerator g, RunReport report) throws IOException {
        g.writeObjectFieldStart("ramp");
        g.writeNumberField("knee_rate_per_second", report.knee());
        g.writeArrayFieldStart("steps");
        for (RampStep step : report.steps()) {
            g.writeStartObject();
            g.writeBooleanField("passed", step.passed());
            g.writeStringField("failure", step.failure());
            g.writeFieldName("result");
            phase(g, step.result());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void storm(JsonGenerator g, StormResult storm) throws IOException {
        g.writeObjectFieldStart("storm");
        g.writeNumberField("hold_ms", storm.holdNanos() / 1e6);
        g.writeArrayFieldStart("memory");
        for (MemoryDelta m : storm.memory()) {
            g.writeStartObject();
            g.writeStringField("probe", m.probe());
            reading(g, "before", m.before());
            reading(g, "after", m.after());
            g.writeNumberField("connections", m.connections());
            if (m.measured()) {
                g.writeNumberField("bytes_per_connection", m.bytesPerConnection());
            } else {
                g.writeNullField("bytes_per_connection");
            }
            g.writeStringField("problem", m.problem());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void reading(JsonGenerator g, String name, MemoryReading reading) throws IOException {
        if (reading == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("bytes", reading.bytes());
        for (Map.Entry<String, Long> part : reading.parts().entrySet()) {
            g.writeNumberField(part.getKey(), part.getValue());
        }
        g.writeEndObject();
    }

    private static void errors(JsonGenerator g, String name, Totals totals) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("total", totals.errors());
        for (Count c : Count.values()) {
            if (c.isError()) {
                g.writeNumberField(c.jsonName(), totals.get(c));
            }
        }
        g.writeEndObject();
    }

    private static void latency(JsonGenerator g, Histogram h) throws IOException {
        LatencySummary s = LatencySummary.of(h);
        g.writeStartObject();
        g.writeNumberField("count", s.count());
        g.writeNumberField("min", s.minMs());
        g.writeNumberField("mean", s.meanMs());
        g.writeNumberField("p50", s.p50Ms());
        g.writeNumberField("p90", s.p90Ms());
        g.writeNumberField("p99", s.p99Ms());
        g.writeNumberField("p99_9", s.p999Ms());
        g.writeNumberField("p99_99", s.p9999Ms());
        g.writeNumberField("max", s.maxMs());
        g.writeEndObject();
    }

    private static void timeline(JsonGenerator g, RunReport report) throws IOException {
        g.writeArrayFieldStart("timeline");
        for (Timeline.Sample s : report.timeline()) {
            g.writeStartObject();
            g.writeNumberField("t_s", s.elapsedSeconds());
            g.writeNumberField("sent_per_second", s.sentPerSecond());
            g.writeNumberField("delivered_per_second", s.deliveredPerSecond());
            number(g, "p99_ms", s.p99Ms());
            number(g, "ack_p99_ms", s.ackP99Ms());
            g.writeNumberField("errors", s.errors());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
